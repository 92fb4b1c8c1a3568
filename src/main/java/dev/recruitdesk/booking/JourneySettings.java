package dev.recruitdesk.booking;

import java.time.Duration;
import java.util.Objects;

/**
 * The rules of the candidate's journey that admins set: whether a request is approved at once
 * ({@code booking.autoApprove}) and how long before the interview a candidate may still reschedule or cancel
 * ({@code booking.changeCutoffMinutes}).
 */
public record JourneySettings(boolean autoApprove, Duration changeCutoff) {

    public static final Duration DEFAULT_CUTOFF = Duration.ofMinutes(120);

    public JourneySettings {
        Objects.requireNonNull(changeCutoff, "changeCutoff");
        if (changeCutoff.isNegative()) {
            throw new IllegalArgumentException("the change cut-off cannot be negative");
        }
    }

    public static JourneySettings defaults() {
        return new JourneySettings(false, DEFAULT_CUTOFF);
    }
}
