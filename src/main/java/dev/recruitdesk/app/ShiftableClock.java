package dev.recruitdesk.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The sandbox's clock: another clock (normally the system's) plus an offset the user moves forward from the
 * candidate simulator, to see reminders come due without waiting. Thread-safe; never moves backwards.
 */
public final class ShiftableClock extends Clock {

    private final Clock base;
    private volatile Duration offset = Duration.ZERO;

    public ShiftableClock(Clock base) {
        this.base = Objects.requireNonNull(base, "base");
    }

    /** Moves the clock forward by {@code by} (positive). */
    public synchronized void shift(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the sandbox clock only moves forward");
        }
        offset = offset.plus(by);
    }

    /** How far this clock is ahead of its base. */
    public Duration offset() {
        return offset;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the shiftable clock is used in UTC only");
    }
}
