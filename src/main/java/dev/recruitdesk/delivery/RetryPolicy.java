package dev.recruitdesk.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * When to try a transiently failed message again: exponential back-off with "equal jitter" (half fixed, half
 * random, so retries of many messages spread out), a cap, and a bounded number of attempts.
 *
 * @param base        the delay after the first failure, before jitter
 * @param cap         the longest delay
 * @param maxAttempts attempts (counted ones: not 429 pauses) after which the message is FAILED
 * @param random      uniform in [0, 1); injectable so tests know the exact delay
 */
public record RetryPolicy(Duration base, Duration cap, int maxAttempts, DoubleSupplier random) {

    public RetryPolicy {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(random, "random");
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("retry policy needs 0 < base <= cap and maxAttempts >= 1");
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(10), 8, Math::random);
    }

    /** True when a message that has failed {@code attempts} times may not be tried again. */
    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }

    /** The next attempt after the {@code attempts}-th failure (1-based) at {@code now}. */
    public Instant nextAttempt(Instant now, int attempts) {
        return now.plus(delay(attempts));
    }

    Duration delay(int attempts) {
        long baseMs = base.toMillis();
        long capMs = cap.toMillis();
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        long full = Math.min(capMs, baseMs << doublings);
        long half = full / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (full - half)));
    }
}
