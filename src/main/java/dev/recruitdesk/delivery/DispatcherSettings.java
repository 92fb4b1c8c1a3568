package dev.recruitdesk.delivery;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * How a dispatcher works.
 *
 * @param ownerId          lease owner written on claimed rows; unique per dispatcher (host:pid:uuid)
 * @param batchSize        rows claimed per transaction
 * @param leaseDuration    how long a claimed row stays ours without being acknowledged; must exceed the
 *                         sender's longest request (the lease is renewed when a row is handed to the sender)
 * @param ratePerSecond    global sends per second; 0 turns global pacing off (benchmarks)
 * @param perChatInterval  minimum time between two messages to one chat; zero turns it off
 * @param maxIdleWait      the longest wait without looking at the database (a safety net; wake-ups do the work)
 * @param badTokenPause    how long to pause after Telegram rejected the token before trying again
 * @param stopGrace        how long {@link Dispatcher#stop()} waits for an in-flight send to finish
 * @param retry            back-off for transient failures
 */
public record DispatcherSettings(String ownerId, int batchSize, Duration leaseDuration, double ratePerSecond,
                                 Duration perChatInterval, Duration maxIdleWait, Duration badTokenPause,
                                 Duration stopGrace, RetryPolicy retry) {

    public DispatcherSettings {
        Objects.requireNonNull(ownerId, "ownerId");
        if (batchSize < 1 || ratePerSecond < 0 || leaseDuration.toMillis() < 1 || perChatInterval.isNegative()
                || maxIdleWait.toMillis() < 1) {
            throw new IllegalArgumentException("invalid dispatcher settings");
        }
        Objects.requireNonNull(retry, "retry");
    }

    /** Production values: 25 msg/s, 1 s per chat, batches of 20, 2-minute leases. */
    public static DispatcherSettings defaults() {
        return new DispatcherSettings(newOwnerId(), 20, Duration.ofMinutes(2), 25, Duration.ofSeconds(1),
                Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofSeconds(10), RetryPolicy.defaults());
    }

    /** {@code host:pid:uuid}; the uuid tells two dispatchers in one process apart. */
    public static String newOwnerId() {
        String jvm = ManagementFactory.getRuntimeMXBean().getName(); // "pid@host"
        int at = jvm.indexOf('@');
        String host = at < 0 ? "localhost" : jvm.substring(at + 1);
        return host + ":" + ProcessHandle.current().pid() + ":" + UUID.randomUUID().toString().substring(0, 8);
    }

    public DispatcherSettings withOwnerId(String value) {
        return new DispatcherSettings(value, batchSize, leaseDuration, ratePerSecond, perChatInterval, maxIdleWait,
                badTokenPause, stopGrace, retry);
    }

    public DispatcherSettings withBatchSize(int value) {
        return new DispatcherSettings(ownerId, value, leaseDuration, ratePerSecond, perChatInterval, maxIdleWait,
                badTokenPause, stopGrace, retry);
    }

    public DispatcherSettings withLeaseDuration(Duration value) {
        return new DispatcherSettings(ownerId, batchSize, value, ratePerSecond, perChatInterval, maxIdleWait,
                badTokenPause, stopGrace, retry);
    }

    /** Global rate and per-chat interval; {@code (0, ZERO)} sends as fast as the sender answers. */
    public DispatcherSettings withPacing(double perSecond, Duration chatInterval) {
        return new DispatcherSettings(ownerId, batchSize, leaseDuration, perSecond, chatInterval, maxIdleWait,
                badTokenPause, stopGrace, retry);
    }

    /** The longest wait without looking at the outbox: the fallback when a wake-up from another console is missed. */
    public DispatcherSettings withMaxIdleWait(Duration value) {
        return new DispatcherSettings(ownerId, batchSize, leaseDuration, ratePerSecond, perChatInterval, value,
                badTokenPause, stopGrace, retry);
    }

    public DispatcherSettings withBadTokenPause(Duration value) {
        return new DispatcherSettings(ownerId, batchSize, leaseDuration, ratePerSecond, perChatInterval, maxIdleWait,
                value, stopGrace, retry);
    }

    public DispatcherSettings withRetry(RetryPolicy value) {
        return new DispatcherSettings(ownerId, batchSize, leaseDuration, ratePerSecond, perChatInterval, maxIdleWait,
                badTokenPause, stopGrace, value);
    }
}
