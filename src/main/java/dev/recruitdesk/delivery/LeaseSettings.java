package dev.recruitdesk.delivery;

import java.time.Duration;

/**
 * How the leader lease behaves.
 *
 * @param renewInterval    how often the leader renews its row (and so proves its connection is alive)
 * @param timeToLive       how long a row stays valid without renewal; shown to people, the advisory lock decides
 * @param retryInterval    how often a follower tries to take over
 * @param conflictBackoff  how long a leader that stepped down (409 Conflict) waits before competing again
 * @param connectionTimeout bound on every call on the lease connection; a cut network fails within it
 */
public record LeaseSettings(Duration renewInterval, Duration timeToLive, Duration retryInterval,
                            Duration conflictBackoff, Duration connectionTimeout) {

    public LeaseSettings {
        if (renewInterval.toMillis() < 1 || retryInterval.toMillis() < 1 || timeToLive.compareTo(renewInterval) <= 0
                || conflictBackoff.isNegative() || connectionTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("invalid lease settings");
        }
    }

    /** Renew every 2 s, valid 15 s, followers try every second, a conflict backs off for a minute. */
    public static LeaseSettings defaults() {
        return new LeaseSettings(Duration.ofSeconds(2), Duration.ofSeconds(15), Duration.ofSeconds(1),
                Duration.ofMinutes(1), Duration.ofSeconds(10));
    }

    public LeaseSettings withConflictBackoff(Duration value) {
        return new LeaseSettings(renewInterval, timeToLive, retryInterval, value, connectionTimeout);
    }
}
