package dev.recruitdesk.booking;

import dev.recruitdesk.domain.BookingStatus;
import dev.recruitdesk.domain.SlotStatus;
import java.time.Instant;

/** A slot as lists show it: with its active booking's state and candidate, when it has one. */
public record SlotRow(long id, Instant start, Instant end, String place, SlotStatus status,
                      Long bookingId, BookingStatus bookingStatus, String candidateName) {

    public boolean isBooked() {
        return bookingStatus != null && bookingStatus.isActive();
    }

    public long minutes() {
        return java.time.Duration.between(start, end).toMinutes();
    }
}
