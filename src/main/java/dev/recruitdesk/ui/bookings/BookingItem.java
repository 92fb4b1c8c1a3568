package dev.recruitdesk.ui.bookings;

import dev.recruitdesk.booking.BookingRow;

/**
 * One booking as the list shows it.
 *
 * @param soonUnconfirmed approved, not confirmed, starting within the hour: highlighted
 * @param startsIn        "in 40 min", "started"
 * @param recruiter       "Recruiter: Boris" on another recruiter's booking (an admin's list), else empty
 */
public record BookingItem(BookingRow row, String when, String candidateTime, String status, String statusStyle,
                          boolean soonUnconfirmed, String startsIn, String recruiter) {

    public long bookingId() {
        return row.bookingId();
    }
}
