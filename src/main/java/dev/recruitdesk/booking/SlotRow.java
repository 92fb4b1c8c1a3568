package dev.recruitdesk.booking;

import dev.recruitdesk.domain.BookingStatus;
import dev.recruitdesk.domain.SlotStatus;
import java.time.Instant;

/**
 * A slot as lists show it: with its active booking's state and candidate, when it has one.
 *
 * @param version        the slot's version as read: a move carries it, so a slot changed meanwhile is not overwritten
 * @param bookingVersion the active booking's version as read, or null
 */
public record SlotRow(long id, Instant start, Instant end, String place, SlotStatus status,
                      Long bookingId, BookingStatus bookingStatus, String candidateName, long version, Long bookingVersion) {

    public boolean isBooked() {
        return bookingStatus != null && bookingStatus.isActive();
    }

    public long minutes() {
        return java.time.Duration.between(start, end).toMinutes();
    }
}
