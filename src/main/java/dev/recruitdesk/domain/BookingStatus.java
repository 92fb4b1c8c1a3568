package dev.recruitdesk.domain;

import java.util.EnumSet;
import java.util.Set;

/** The life of a booking; {@link #canBecome} is the whole state machine. */
public enum BookingStatus {
    REQUESTED, APPROVED, CONFIRMED, ATTENDED, NO_SHOW, DECLINED, REJECTED, CANCELLED, EXPIRED;

    private static final Set<BookingStatus> ACTIVE = EnumSet.of(REQUESTED, APPROVED, CONFIRMED);

    /** Active bookings hold their slot and count against "one per candidate and recruiter". */
    public boolean isActive() {
        return ACTIVE.contains(this);
    }

    public boolean canBecome(BookingStatus next) {
        switch (this) {
            case REQUESTED:
                return EnumSet.of(APPROVED, REJECTED, CANCELLED, EXPIRED, DECLINED).contains(next);
            case APPROVED:
                return EnumSet.of(CONFIRMED, DECLINED, CANCELLED, ATTENDED, NO_SHOW).contains(next);
            case CONFIRMED:
                return EnumSet.of(DECLINED, CANCELLED, ATTENDED, NO_SHOW).contains(next);
            default:
                return false;
        }
    }
}
