package dev.recruitdesk.booking;

import java.time.Duration;
import java.util.Objects;

/**
 * The rules of the candidate's journey that admins set: whether a request is approved at once
 * ({@code booking.autoApprove}), how long before the interview a candidate may still reschedule or cancel
 * ({@code booking.changeCutoffMinutes}), the least notice a new booking needs ({@code booking.minNoticeMinutes})
 * and how far ahead candidates may book ({@code booking.horizonDays}; null: no limit).
 */
public record JourneySettings(boolean autoApprove, Duration changeCutoff, Duration minNotice, Duration horizon) {

    public static final Duration DEFAULT_CUTOFF = Duration.ofMinutes(120);

    public JourneySettings {
        Objects.requireNonNull(changeCutoff, "changeCutoff");
        Objects.requireNonNull(minNotice, "minNotice");
        if (changeCutoff.isNegative() || minNotice.isNegative()) {
            throw new IllegalArgumentException("the change cut-off and the minimum notice cannot be negative");
        }
        if (horizon != null && (horizon.isZero() || horizon.isNegative())) {
            throw new IllegalArgumentException("the booking horizon must be positive");
        }
    }

    public JourneySettings(boolean autoApprove, Duration changeCutoff) {
        this(autoApprove, changeCutoff, Duration.ZERO, null);
    }

    public static JourneySettings defaults() {
        return new JourneySettings(false, DEFAULT_CUTOFF);
    }

    /** True when a slot starting at {@code start} may be booked at {@code now}. */
    public boolean bookable(java.time.Instant start, java.time.Instant now) {
        return start.isAfter(now.plus(minNotice)) && (horizon == null || !start.isAfter(now.plus(horizon)));
    }
}
