package dev.recruitdesk.ui.schedule;

import dev.recruitdesk.booking.SlotRow;
import java.time.LocalDate;

/** One line of the week's agenda, ready to show: a day heading or a slot. Texts are already localised. */
public sealed interface ScheduleEntry permits ScheduleEntry.Day, ScheduleEntry.SlotItem {

    /** A day heading; {@code summary} counts the day's slots and bookings. */
    record Day(LocalDate date, String title, boolean today, String summary) implements ScheduleEntry {
    }

    /**
     * A slot. {@code who} is the candidate's name when booked, otherwise a short "free" text; {@code stateStyle}
     * is the style class of its state ({@code state-open}, {@code state-requested} …).
     */
    record SlotItem(SlotRow row, String timeRange, String duration, String who, String place, boolean placeIsLink,
                    String state, String stateStyle, boolean past) implements ScheduleEntry {

        public long id() {
            return row.id();
        }

        public boolean booked() {
            return row.isBooked();
        }
    }
}
