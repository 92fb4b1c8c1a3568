package dev.recruitdesk.ui.schedule;

import dev.recruitdesk.booking.SlotRow;

/**
 * A slot placed on the week grid: its day column (0 = Monday), minutes from that day's midnight, and its lane when
 * slots overlap (lane {@code lane} of {@code lanes}). Texts are localised; {@code stateStyle} is one of
 * {@code state-open}, {@code state-requested}, {@code state-approved}, {@code state-confirmed},
 * {@code state-declined}, {@code state-closed}, {@code state-past}.
 */
public record CalendarBlock(SlotRow row, int day, int startMinute, int endMinute, int lane, int lanes,
                            String stateStyle, String state, String title, String time, boolean movable) {

    public long id() {
        return row.id();
    }

    public boolean booked() {
        return row.isBooked();
    }
}
