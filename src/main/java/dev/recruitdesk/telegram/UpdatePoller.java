package dev.recruitdesk.telegram;

import com.pengrad.telegrambot.model.Update;
import dev.recruitdesk.domain.BotOffset;
import dev.recruitdesk.domain.BotUpdateFailure;
import dev.recruitdesk.store.Database;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one reader of a bot's inbound updates: a daemon thread ({@value #THREAD_NAME}) long-polling getUpdates and
 * handing each update to the {@link UpdateHandler} inside a transaction that also stores the update id.
 *
 * <ul>
 *   <li><b>Exactly once per database:</b> the offset ({@code bot_offset}, keyed by the token's numeric prefix) is
 *   locked and moved in the update's own transaction; an update at or below it is a duplicate and is ignored. A
 *   restart polls from the stored offset.</li>
 *   <li><b>Poison updates:</b> a handler failure rolls back that update only, is logged with the update id and
 *   counted in {@code bot_update_failure}. Later updates wait while the failed one is retried (order matters in a
 *   conversation) after {@link Settings#failureRetryDelay()}; once it has failed {@link Settings#maxAttempts()}
 *   times it is marked skipped and the offset moves past it, so the stream never blocks for long.</li>
 *   <li><b>409 Conflict:</b> another process polls this token; the poller steps down, reports
 *   {@link PollerStatus.State#CONFLICT} and tries again after {@link Settings#conflictBackoff()}.</li>
 *   <li><b>401/404:</b> the token is unusable; the poller reports {@link PollerStatus.State#BAD_TOKEN} and ends,
 *   with no further calls. A corrected token means a new gateway and a new poller.</li>
 *   <li><b>Anything else</b> (network, 5xx, 429, database down): {@link PollerStatus.State#TRANSIENT}, retried
 *   with doubling back-off (429: Telegram's retry_after).</li>
 *   <li><b>Idle for a week:</b> Telegram then numbers updates from a random id that may be lower than ours, so
 *   a stored offset older than {@link #STALE_OFFSET} polls without an offset once and accepts what comes (updates
 *   are kept 24 hours, so nothing handled can come back).</li>
 * </ul>
 * Waits are measured on the injected {@link Clock}, rechecked at least every {@link Settings#tick()}.
 */
public final class UpdatePoller implements AutoCloseable {

    public static final String THREAD_NAME = "recruitdesk-poller";
    static final Duration STALE_OFFSET = Duration.ofDays(7);

    private static final Logger log = LoggerFactory.getLogger(UpdatePoller.class);

    /** How the poller polls and backs off; {@link #defaults()} are the production values. */
    public record Settings(int pollTimeoutSeconds, int batchSize, Duration conflictBackoff, Duration errorBackoffMin,
                           Duration errorBackoffMax, int maxAttempts, Duration failureRetryDelay, Duration tick) {

        public Settings {
            if (pollTimeoutSeconds < 0 || pollTimeoutSeconds > 50) {
                throw new IllegalArgumentException("poll timeout is 0–50 s");
            }
            if (batchSize < 1 || batchSize > 100) {
                throw new IllegalArgumentException("batch size is 1–100");
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("at least one attempt");
            }
            Objects.requireNonNull(conflictBackoff);
            Objects.requireNonNull(errorBackoffMin);
            Objects.requireNonNull(errorBackoffMax);
            Objects.requireNonNull(failureRetryDelay);
            if (tick == null || tick.isNegative() || tick.isZero()) {
                throw new IllegalArgumentException("tick must be positive");
            }
        }

        /** 50 s polls of up to 100 updates; 30 s after a conflict; 1 s doubling to 60 s on errors; 3 attempts. */
        public static Settings defaults() {
            return new Settings(50, 100, Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(60), 3,
                    Duration.ofSeconds(1), Duration.ofSeconds(1));
        }

        public Settings withPollTimeoutSeconds(int seconds) {
            return new Settings(seconds, batchSize, conflictBackoff, errorBackoffMin, errorBackoffMax, maxAttempts, failureRetryDelay, tick);
        }

        public Settings withConflictBackoff(Duration backoff) {
            return new Settings(pollTimeoutSeconds, batchSize, backoff, errorBackoffMin, errorBackoffMax, maxAttempts, failureRetryDelay, tick);
        }

        public Settings withErrorBackoff(Duration min, Duration max) {
            return new Settings(pollTimeoutSeconds, batchSize, conflictBackoff, min, max, maxAttempts, failureRetryDelay, tick);
        }

        public Settings withMaxAttempts(int attempts) {
            return new Settings(pollTimeoutSeconds, batchSize, conflictBackoff, errorBackoffMin, errorBackoffMax, attempts, failureRetryDelay, tick);
        }

        public Settings withFailureRetryDelay(Duration delay) {
            return new Settings(pollTimeoutSeconds, batchSize, conflictBackoff, errorBackoffMin, errorBackoffMax, maxAttempts, delay, tick);
        }

        public Settings withTick(Duration newTick) {
            return new Settings(pollTimeoutSeconds, batchSize, conflictBackoff, errorBackoffMin, errorBackoffMax, maxAttempts, failureRetryDelay, newTick);
        }
    }

    /** What became of one update. */
    private enum Handled { DONE, DUPLICATE, RETRY, SKIPPED }

    private final BotGateway gateway;
    private final Database db;
    private final UpdateHandler handler;
    private final Clock clock;
    private final Settings settings;
    private final long botId;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final List<Consumer<PollerStatus>> listeners = new CopyOnWriteArrayList<>();
    private volatile PollerStatus status;
    private volatile boolean running;
    private boolean wakeRequested;
    private Thread thread;
    private int consecutiveErrors;

    public UpdatePoller(BotGateway gateway, Database db, UpdateHandler handler, Clock clock, Settings settings) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.db = Objects.requireNonNull(db, "db");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.botId = gateway.botId();
        this.status = new PollerStatus(PollerStatus.State.STOPPED, clock.instant(), null, null);
    }

    /** Starts the polling thread; a poller runs once (after {@link #stop()} build a new one). */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("poller already started");
        }
        running = true;
        thread = new Thread(this::run, THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
        log.info("poller.start bot={} timeoutS={}", botId, settings.pollTimeoutSeconds());
    }

    /** Stops polling: ends a held long poll at once and waits for the thread (at most a few seconds). */
    public void stop() {
        Thread t;
        synchronized (this) {
            t = thread;
            running = false;
        }
        signal();
        gateway.cancelGetUpdates();
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                log.warn("poller.stop bot={} thread still running after 10 s", botId);
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Ends a back-off wait now (the "retry now" of the status bar); does nothing after a bad token. */
    public void retryNow() {
        signal();
    }

    public PollerStatus status() {
        return status;
    }

    /** Calls {@code listener} on the poller thread at every change of state; returns an action that removes it. */
    public Runnable onStatus(Consumer<PollerStatus> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    public long botId() {
        return botId;
    }

    /** Whether the polling thread is alive. */
    public boolean isRunning() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    // ---- the loop

    private void run() {
        setStatus(PollerStatus.State.OK, null, null);
        Instant resumeAt = null;
        while (running) {
            try {
                if (resumeAt != null) {
                    waitUntil(resumeAt);
                    resumeAt = null;
                    if (!running) {
                        break;
                    }
                }
                resumeAt = pollOnce();
            } catch (Throwable t) {
                rethrowFatal(t);
                Duration wait = nextErrorBackoff();
                log.error("poller.error bot={} retryInMs={}", botId, wait.toMillis(), t);
                resumeAt = clock.instant().plus(wait);
                setStatus(PollerStatus.State.TRANSIENT, describe(t), resumeAt);
            }
        }
        if (status.state() != PollerStatus.State.BAD_TOKEN) {
            setStatus(PollerStatus.State.STOPPED, null, null);
        }
        log.info("poller.stopped bot={} state={}", botId, status.state());
    }

    /** One getUpdates and its updates; returns when to poll next, or {@code null} for at once. */
    private Instant pollOnce() {
        OffsetView offset = readOffset();
        boolean resync = offset.isStale(clock.instant());
        int requestOffset = resync ? 0 : Math.toIntExact(offset.lastUpdateId() + 1);
        CallResult<List<Update>> result = gateway.getUpdates(requestOffset, settings.batchSize(), settings.pollTimeoutSeconds());
        if (!running) {
            return null;
        }
        switch (result.outcome()) {
            case OK:
                consecutiveErrors = 0;
                setStatus(PollerStatus.State.OK, null, null);
                return handleBatch(result.value(), offset.lastUpdateId(), resync);
            case CONFLICT: {
                Instant retryAt = clock.instant().plus(settings.conflictBackoff());
                log.error("poller.conflict bot={} another process is polling this token; stepping down until {} error={}",
                        botId, retryAt, result.error());
                setStatus(PollerStatus.State.CONFLICT, result.error(), retryAt);
                return retryAt;
            }
            case BAD_TOKEN:
                log.error("poller.badToken bot={} the token was refused; polling stops until the bot is reconfigured error={}",
                        botId, result.error());
                running = false;
                setStatus(PollerStatus.State.BAD_TOKEN, result.error(), null);
                return null;
            case RETRY_AFTER: {
                Instant retryAt = clock.instant().plus(result.retryAfter());
                log.warn("poller.retryAfter bot={} until={}", botId, retryAt);
                setStatus(PollerStatus.State.TRANSIENT, result.error(), retryAt);
                return retryAt;
            }
            default: {
                Instant retryAt = clock.instant().plus(nextErrorBackoff());
                log.warn("poller.transient bot={} outcome={} retryAt={} error={}", botId, result.outcome(), retryAt, result.error());
                setStatus(PollerStatus.State.TRANSIENT, result.error(), retryAt);
                return retryAt;
            }
        }
    }

    private Instant handleBatch(List<Update> updates, long lastUpdateId, boolean resync) {
        List<Update> ordered = updates.stream()
                .filter(u -> u != null && u.updateId() != null)
                .sorted(Comparator.comparing(Update::updateId))
                .toList();
        long last = lastUpdateId;
        boolean acceptAny = resync;
        for (Update update : ordered) {
            if (!running) {
                return null;
            }
            long id = update.updateId();
            if (!acceptAny && id <= last) {
                log.info("poller.duplicate bot={} update={} stored={}", botId, id, last);
                continue;
            }
            Handled outcome = handleOne(update, acceptAny);
            if (outcome == Handled.RETRY) {
                return clock.instant().plus(settings.failureRetryDelay());
            }
            last = id;
            acceptAny = false;
        }
        return null;
    }

    private Handled handleOne(Update update, boolean acceptAny) {
        long id = update.updateId();
        String kind = kindOf(update);
        try {
            boolean done = db.inTransaction(s -> {
                BotOffset offset = lockedOffset(s);
                if (!acceptAny && id <= offset.getLastUpdateId()) {
                    return false;
                }
                handler.handle(s, update);
                if (acceptAny) {
                    offset.resetTo(id, clock.instant());
                } else {
                    offset.advanceTo(id, clock.instant());
                }
                return true;
            });
            if (done) {
                log.debug("poller.handled bot={} update={} kind={}", botId, id, kind);
                return Handled.DONE;
            }
            log.info("poller.duplicate bot={} update={} handled elsewhere", botId, id);
            return Handled.DUPLICATE;
        } catch (Throwable t) {
            rethrowFatal(t);
            return recordFailure(id, kind, acceptAny, t);
        }
    }

    private Handled recordFailure(long id, String kind, boolean acceptAny, Throwable cause) {
        String error = describe(cause);
        return db.inTransaction(s -> {
            BotOffset offset = lockedOffset(s);
            Instant now = clock.instant();
            BotUpdateFailure failure = s.find(BotUpdateFailure.class, new BotUpdateFailure.Key(botId, id));
            if (failure == null) {
                failure = new BotUpdateFailure(botId, id, kind, error, now);
                s.persist(failure);
            } else {
                failure.failedAgain(error, now);
            }
            if (failure.getAttempts() < settings.maxAttempts()) {
                log.warn("poller.update.failed bot={} update={} kind={} attempt={}/{}", botId, id, kind,
                        failure.getAttempts(), settings.maxAttempts(), cause);
                return Handled.RETRY;
            }
            failure.skip(now);
            if (acceptAny) {
                offset.resetTo(id, now);
            } else {
                offset.advanceTo(id, now);
            }
            log.error("poller.update.skipped bot={} update={} kind={} attempts={} error={}", botId, id, kind,
                    failure.getAttempts(), error, cause);
            return Handled.SKIPPED;
        });
    }

    private BotOffset lockedOffset(Session s) {
        BotOffset offset = s.find(BotOffset.class, botId, LockModeType.PESSIMISTIC_WRITE);
        if (offset == null) {
            throw new IllegalStateException("bot_offset row of bot " + botId + " vanished");
        }
        return offset;
    }

    /** Reads the stored offset, creating the bot's row on first use. */
    private OffsetView readOffset() {
        return db.inTransaction(s -> {
            BotOffset offset = s.find(BotOffset.class, botId);
            if (offset == null) {
                offset = new BotOffset(botId, 0, clock.instant());
                s.persist(offset);
                log.info("poller.offset bot={} created", botId);
                return new OffsetView(0, null);
            }
            return new OffsetView(offset.getLastUpdateId(), offset.getUpdatedAt());
        });
    }

    /** The stored offset as the loop needs it; {@code updatedAt} is null for a fresh row (nothing handled yet). */
    private record OffsetView(long lastUpdateId, Instant updatedAt) {
        boolean isStale(Instant now) {
            return lastUpdateId > 0 && updatedAt != null && !updatedAt.plus(STALE_OFFSET).isAfter(now);
        }
    }

    // ---- waiting and status

    private void waitUntil(Instant deadline) {
        lock.lock();
        try {
            while (running && !wakeRequested) {
                Duration left = Duration.between(clock.instant(), deadline);
                if (left.isNegative() || left.isZero()) {
                    break;
                }
                wake.awaitNanos(min(left, settings.tick()).toNanos());
            }
            wakeRequested = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private void signal() {
        lock.lock();
        try {
            wakeRequested = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private Duration nextErrorBackoff() {
        consecutiveErrors++;
        Duration wait = settings.errorBackoffMin();
        for (int i = 1; i < consecutiveErrors && wait.compareTo(settings.errorBackoffMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return min(wait, settings.errorBackoffMax());
    }

    private void setStatus(PollerStatus.State state, String detail, Instant retryAt) {
        PollerStatus current = status;
        if (current.state() == state && Objects.equals(current.retryAt(), retryAt) && Objects.equals(current.detail(), detail)) {
            return;
        }
        Instant since = current.state() == state ? current.since() : clock.instant();
        PollerStatus next = new PollerStatus(state, since, detail, retryAt);
        status = next;
        if (current.state() != state) {
            log.info("poller.state bot={} {} -> {}", botId, current.state(), state);
        }
        for (Consumer<PollerStatus> listener : listeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                log.warn("poller.listener failed", e);
            }
        }
    }

    // ---- helpers

    /** The Update field that is set, for logs and the failure table. */
    static String kindOf(Update u) {
        if (u.message() != null) {
            return "message";
        }
        if (u.callbackQuery() != null) {
            return "callback_query";
        }
        if (u.editedMessage() != null) {
            return "edited_message";
        }
        if (u.channelPost() != null) {
            return "channel_post";
        }
        if (u.editedChannelPost() != null) {
            return "edited_channel_post";
        }
        if (u.myChatMember() != null) {
            return "my_chat_member";
        }
        if (u.chatMember() != null) {
            return "chat_member";
        }
        return "other";
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static void rethrowFatal(Throwable t) {
        if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
            throw (VirtualMachineError) t;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
