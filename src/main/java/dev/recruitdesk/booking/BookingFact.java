package dev.recruitdesk.booking;

import dev.recruitdesk.domain.BookingStatus;
import java.time.Instant;
import java.util.Map;

/**
 * What the dashboard knows of one booking: its slot, its state, when it was requested, approved and confirmed,
 * and which reminders Telegram accepted (outbox rows SENT), by kind ({@code day_before} …) with the time sent.
 *
 * @param approvedAt  the first approval, or {@code null}
 * @param confirmedAt the latest confirmation by the candidate, or {@code null}
 */
public record BookingFact(long bookingId, String candidateName, Instant slotStart, Instant slotEnd, BookingStatus status,
                          Instant requestedAt, Instant approvedAt, Instant confirmedAt, Map<String, Instant> remindersSent) {

    public BookingFact {
        remindersSent = Map.copyOf(remindersSent);
    }
}
