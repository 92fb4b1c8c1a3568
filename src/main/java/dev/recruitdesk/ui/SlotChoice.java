package dev.recruitdesk.ui;

import dev.recruitdesk.booking.SlotRow;

/** An open slot offered as another time for a booking, with its label in the recruiter's zone. */
public record SlotChoice(SlotRow slot, String label) {
    @Override
    public String toString() {
        return label;
    }
}
