package dev.recruitdesk.ui.bookings;

import dev.recruitdesk.booking.BookingRow;

/**
 * One booking as the list shows it.
 *
 * @param soonUnconfirmed approved, not confirmed, starting within the hour: highlighted
 * @param startsIn        "in 40 min", "started"
 */
public record BookingItem(BookingRow row, String when, String candidateTime, String status, String statusStyle,
                          boolean soonUnconfirmed, String startsIn) {

    public long bookingId() {
        return row.bookingId();
    }
}
