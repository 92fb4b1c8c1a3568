package dev.recruitdesk.booking;

import dev.recruitdesk.domain.BookingStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A booking as the console lists it: joined with its slot and candidate in one query.
 *
 * @param requestedAt   when the candidate asked for it (requests wait since then)
 * @param version       the booking's version as read: the console's actions carry it (optimistic locking)
 * @param recruiterName whose booking it is (an admin's lists show several recruiters' rows)
 */
public record BookingRow(long bookingId, BookingStatus status, int revision, Instant requestedAt, Instant updatedAt,
                         long candidateId, String candidateName, String candidateUsername, ZoneId candidateZone,
                         boolean candidateReachable, long slotId, Instant start, Instant end, String place,
                         long version, long recruiterId, String recruiterName) {

    /** Approved but not confirmed by the candidate, starting within the next hour: the recruiter should call. */
    public boolean unconfirmedSoon(Instant now) {
        return status == BookingStatus.APPROVED && start.isAfter(now) && !start.isAfter(now.plus(BookingQueries.SOON));
    }

    /** The interview has begun, so an outcome can be recorded. */
    public boolean started(Instant now) {
        return !start.isAfter(now);
    }

    public long minutes() {
        return Duration.between(start, end).toMinutes();
    }
}
