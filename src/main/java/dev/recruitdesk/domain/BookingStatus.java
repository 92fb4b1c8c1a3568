package dev.recruitdesk.domain;

import java.util.EnumSet;
import java.util.Set;

/** The life of a booking; {@link #canBecome} is the whole state machine. */
public enum BookingStatus {
    REQUESTED, APPROVED, CONFIRMED, ATTENDED, NO_SHOW, PASSED, FAILED, DECLINED, REJECTED, CANCELLED, EXPIRED;

    private static final Set<BookingStatus> ACTIVE = EnumSet.of(REQUESTED, APPROVED, CONFIRMED);

    /** Active bookings hold their slot and count against "one per candidate and recruiter". */
    public boolean isActive() {
        return ACTIVE.contains(this);
    }

    /** The candidate came: attended, and possibly already judged passed or failed. */
    public boolean showedUp() {
        return this == ATTENDED || this == PASSED || this == FAILED;
    }

    /** What a recruiter records once the interview's time has come. */
    public boolean isOutcome() {
        return showedUp() || this == NO_SHOW;
    }

    public boolean canBecome(BookingStatus next) {
        switch (this) {
            case REQUESTED:
                return EnumSet.of(APPROVED, REJECTED, CANCELLED, EXPIRED, DECLINED).contains(next);
            case APPROVED:
                return EnumSet.of(CONFIRMED, DECLINED, CANCELLED, ATTENDED, NO_SHOW, PASSED, FAILED).contains(next);
            case CONFIRMED:
                return EnumSet.of(DECLINED, CANCELLED, ATTENDED, NO_SHOW, PASSED, FAILED).contains(next);
            case ATTENDED:
                return next == PASSED || next == FAILED;
            default:
                return false;
        }
    }
}
