package dev.recruitdesk.booking;

import dev.recruitdesk.domain.BookingStatus;
import java.time.Instant;
import java.util.Set;

/**
 * Which bookings a list shows: interviews starting in [from, to) (either end open when null), in one of the
 * statuses (any when empty), and confirmed by the candidate or not (either when null).
 */
public record BookingFilter(Instant from, Instant to, Set<BookingStatus> statuses, Boolean confirmed, int limit) {

    public BookingFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        if (limit < 1) {
            throw new IllegalArgumentException("limit >= 1 required");
        }
    }
}
