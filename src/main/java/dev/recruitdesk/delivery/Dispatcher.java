package dev.recruitdesk.delivery;

import dev.recruitdesk.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery service: one daemon thread that expires stale messages, recovers lost leases, claims due rows,
 * sends them one after another through the {@link Sender} outside any transaction, and records every attempt.
 *
 * <p>At-most-once across crashes: before a row is handed to the sender its {@code wire_touched} flag is committed.
 * A lease that expires on a touched row (the dispatcher died or hung between send and acknowledgement) makes the
 * row AMBIGUOUS, never PENDING, because the message may have been delivered and Telegram has no idempotency key.
 * Only rows that provably never reached the sender go back to PENDING. The price is that a crash between that commit
 * and the send shows one message as AMBIGUOUS that was never sent. Unpaced, the mark shares its commit with the
 * previous message's acknowledgement, so a message costs one commit, not two.
 *
 * <p>Sends are sequential: pacing allows 25 msg/s at most, a Bot API call usually answers in well under 100 ms, and
 * one thread keeps per-chat order and clean shutdown simple. Waits go through {@link #wake()}-able monitors and the
 * injected clock, so tests drive time without sleeping.
 */
public final class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);
    private static final Duration ERROR_PAUSE = Duration.ofSeconds(5);
    private static final Duration HOUSEKEEPING_INTERVAL = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final Sender sender;
    private final Clock clock;
    private final DispatcherSettings settings;
    private final OutboxSignal signal;
    private final SendPacer pacer;
    private final Runnable wakeListener = this::wake;
    private final String owner;
    private final String claimSql;
    private final boolean claimBySubquery;

    private final Object monitor = new Object();
    private boolean wakeRequested; // guarded by monitor
    private volatile boolean stopping;
    private volatile Thread thread;
    private volatile boolean started;
    private volatile Instant pausedUntil;
    private volatile String pauseReason;
    private volatile boolean badToken;
    private Instant nextHousekeepingAt = Instant.MIN; // dispatcher thread only

    public Dispatcher(Database db, Sender sender, Clock clock, DispatcherSettings settings, OutboxSignal signal) {
        this.dataSource = db.dataSource();
        this.sender = Objects.requireNonNull(sender, "sender");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.signal = Objects.requireNonNull(signal, "signal");
        this.pacer = new SendPacer(settings.ratePerSecond(), settings.perChatInterval());
        this.owner = settings.ownerId();
        this.claimBySubquery = !db.settings().isPostgres();
        this.claimSql = claimSql(settings.batchSize(), claimBySubquery);
    }

    /**
     * The claim statement. PostgreSQL locks rows as its index scan returns them and stops at the batch size. H2 (2.4)
     * locks every row the query reads before FETCH FIRST applies, and sorts by an index only when ORDER BY starts with
     * the index's first column: with 10,000 due rows one claim read, sorted and locked all 10,000. On H2 an
     * index-sorted subquery picks the batch and only those rows are locked; a row another dispatcher holds is skipped,
     * so under contention a claim may come back short and the next one picks on.
     */
    private static String claimSql(int batchSize, boolean bySubquery) {
        String columns = "SELECT id, dedup_key, candidate_id, chat_id, text, parse_mode, reply_markup, expires_at, attempts "
                + "FROM outbox_message WHERE ";
        // the batch size is our own integer, inlined because not every driver accepts a parameter there
        String due = "status = 'PENDING' AND next_attempt_at <= ?";
        if (!bySubquery) {
            return columns + due + " ORDER BY next_attempt_at, id FETCH FIRST " + batchSize + " ROWS ONLY FOR UPDATE SKIP LOCKED";
        }
        return columns + due + " AND id IN (SELECT id FROM outbox_message WHERE " + due
                + " ORDER BY status, next_attempt_at, id FETCH FIRST " + batchSize + " ROWS ONLY) "
                + "ORDER BY next_attempt_at, id FOR UPDATE SKIP LOCKED";
    }

    private Object[] claimArgs(Instant now) {
        return claimBySubquery ? new Object[] {now, now} : new Object[] {now};
    }

    /** Starts the service thread; a dispatcher runs once (build a new one to start again). */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("dispatcher " + owner + " was already started");
        }
        started = true;
        signal.subscribe(wakeListener);
        Thread t = new Thread(this::loop, "recruitdesk-dispatcher");
        t.setDaemon(true);
        thread = t;
        t.start();
        log.info("dispatcher.started owner={} batch={} rate={} perChatMs={} leaseMs={}", owner, settings.batchSize(),
                settings.ratePerSecond(), settings.perChatInterval().toMillis(), settings.leaseDuration().toMillis());
    }

    /**
     * Stops after the send in flight (if any) is acknowledged; claimed rows not yet handed to the sender go back to
     * PENDING. Waits up to the settings' stop grace; a send still hanging then keeps its row SENDING, which the
     * next start turns AMBIGUOUS when the lease runs out.
     */
    public void stop() {
        Thread t = thread;
        if (t == null) {
            return;
        }
        signal.unsubscribe(wakeListener);
        stopping = true;
        synchronized (monitor) {
            monitor.notifyAll();
        }
        try {
            t.join(settings.stopGrace().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            log.warn("dispatcher.stop-timeout owner={} a send is still in flight", owner);
        }
        thread = null;
    }

    /** Looks at the outbox now instead of at the next due time (called after an enqueue commits). */
    public void wake() {
        synchronized (monitor) {
            wakeRequested = true;
            monitor.notifyAll();
        }
    }

    /** Ends a pause (429 or bad token) early, e.g. after the operator fixed the token. */
    public void resume() {
        pausedUntil = null;
        pauseReason = null;
        badToken = false;
        log.info("dispatcher.resumed owner={}", owner);
        wake();
    }

    public boolean isRunning() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    public String ownerId() {
        return owner;
    }

    /** Queue depth, pause and token state, and throughput, read from the database and this dispatcher. */
    public DeliveryHealth health() {
        Instant now = clock.instant();
        try {
            return Sql.inTransaction(dataSource, c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT "
                        + "(SELECT COUNT(*) FROM outbox_message WHERE status = 'PENDING'), "
                        + "(SELECT COUNT(*) FROM outbox_message WHERE status = 'PENDING' AND next_attempt_at <= ?), "
                        + "(SELECT COUNT(*) FROM delivery_attempt WHERE outcome = 'SENT' AND started_at > ?), "
                        + "(SELECT COUNT(*) FROM outbox_message WHERE status = 'AMBIGUOUS')")) {
                    Sql.bind(ps, now, now.minus(Duration.ofMinutes(1)));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        Instant paused = pausedUntil;
                        boolean isPaused = paused != null && paused.isAfter(now);
                        return new DeliveryHealth(isRunning(), owner, rs.getLong(1), rs.getLong(2),
                                isPaused ? paused : null, isPaused ? pauseReason : null, badToken, rs.getLong(3), rs.getLong(4));
                    }
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read delivery health: " + e.getMessage(), e);
        }
    }

    private void loop() {
        while (!stopping) {
            try {
                runOnce();
            } catch (SQLException | RuntimeException e) {
                log.error("dispatcher.error owner={} error={}", owner, e.toString(), e);
                idleUntil(clock.instant().plus(ERROR_PAUSE));
            }
        }
        log.info("dispatcher.stopped owner={}", owner);
    }

    private void runOnce() throws SQLException {
        Instant now = clock.instant();
        if (!now.isBefore(nextHousekeepingAt)) {
            expireOverdue(now);
            recoverLeases(now);
            pacer.forgetIdleChats(now);
            nextHousekeepingAt = now.plus(HOUSEKEEPING_INTERVAL);
        }
        Instant paused = pausedUntil;
        if (paused != null && now.isBefore(paused)) {
            idleUntil(paused);
            nextHousekeepingAt = Instant.MIN;
            return;
        }
        List<Claimed> batch = claim(now);
        if (batch.isEmpty()) {
            idleUntil(nextEvent(now));
            nextHousekeepingAt = Instant.MIN;
            return;
        }
        sendAll(batch);
    }

    /** A row this dispatcher holds under its lease, with everything needed to send and acknowledge it. */
    private record Claimed(long id, String key, Long candidateId, OutgoingMessage payload, Instant expiresAt, int attempts) {
    }

    private List<Claimed> claim(Instant now) throws SQLException {
        return Sql.inTransaction(dataSource, c -> {
            List<Claimed> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(claimSql)) {
                Sql.bind(ps, claimArgs(now));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Claimed(rs.getLong("id"), rs.getString("dedup_key"), Sql.getLong(rs, "candidate_id"),
                                new OutgoingMessage(rs.getLong("chat_id"), rs.getString("text"), rs.getString("parse_mode"),
                                        rs.getString("reply_markup")),
                                Sql.getInstant(rs, "expires_at"), rs.getInt("attempts")));
                    }
                }
            }
            List<Claimed> claimed = new ArrayList<>();
            Instant leaseEnd = now.plus(settings.leaseDuration());
            for (Claimed row : rows) {
                if (row.expiresAt() != null && !now.isBefore(row.expiresAt())) {
                    expire(c, row.id(), row.key(), row.expiresAt(), now);
                    continue;
                }
                Instant chatAllowed = pacer.chatAllowedAt(row.payload().chatId(), now);
                if (chatAllowed.isAfter(now)) {
                    // this chat must wait; other chats go on, and the row comes back when its chat may hear again
                    Sql.update(c, "UPDATE outbox_message SET next_attempt_at = ? WHERE id = ?", chatAllowed, row.id());
                    continue;
                }
                pacer.noteChatSend(row.payload().chatId(), now);
                claimed.add(row);
            }
            // one round trip for the batch instead of one per row
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET status = 'SENDING', lease_owner = ?, "
                    + "lease_expires_at = ?, wire_touched = FALSE, updated_at = ? WHERE id = ?")) {
                for (Claimed row : claimed) {
                    Sql.bind(ps, owner, leaseEnd, now, row.id());
                    ps.addBatch();
                }
                if (!claimed.isEmpty()) {
                    ps.executeBatch();
                }
            }
            return claimed;
        });
    }

    /** A message the sender answered SENT whose acknowledgement may share the next message's transaction. */
    private record Sent(Claimed m, SendResult r, Instant start, Instant answeredAt, Duration latency) {
    }

    /**
     * Sends the batch in order. When the next message may go at once (no pacing wait), the acknowledgement of a SENT
     * message and the next message's "handed to the sender" mark are one commit instead of two; both facts are still
     * committed before the next request leaves, so the crash rules are the same. Before any wait, stop or pause the
     * acknowledgement is committed on its own, so no delivered message waits unacknowledged.
     */
    private void sendAll(List<Claimed> batch) throws SQLException {
        Sent unrecorded = null;
        for (int i = 0; i < batch.size(); i++) {
            Instant paused = pausedUntil;
            boolean isPaused = paused != null && clock.instant().isBefore(paused);
            if (stopping || isPaused) {
                record(unrecorded);
                // a 429 pause applies to every dispatcher of this bot, so the rows wait it out; others stay due
                release(batch.subList(i, batch.size()), isPaused && !badToken ? paused : clock.instant());
                return;
            }
            Instant slot = pacer.reserveGlobal(clock.instant());
            if (slot.isAfter(clock.instant())) {
                record(unrecorded);
                unrecorded = null;
                if (!waitUntil(slot)) {
                    release(batch.subList(i, batch.size()), clock.instant());
                    return;
                }
            }
            Sent previous = unrecorded;
            unrecorded = null;
            unrecorded = sendOne(batch.get(i), previous);
        }
        record(unrecorded);
    }

    /** Records {@code previous} (if any) with the mark of {@code m}, sends {@code m}; returns it if SENT and not yet recorded. */
    private Sent sendOne(Claimed m, Sent previous) throws SQLException {
        Instant start = clock.instant();
        if (m.expiresAt() != null && !start.isBefore(m.expiresAt())) {
            Sql.inTransaction(dataSource, c -> {
                record(c, previous);
                return expire(c, m.id(), m.key(), m.expiresAt(), start);
            });
            return null;
        }
        int touched = Sql.inTransaction(dataSource, c -> {
            record(c, previous);
            return Sql.update(c, "UPDATE outbox_message SET wire_touched = TRUE, lease_expires_at = ?, updated_at = ? "
                    + "WHERE id = ? AND lease_owner = ? AND status = 'SENDING'",
                    start.plus(settings.leaseDuration()), start, m.id(), owner);
        });
        if (touched == 0) {
            log.warn("outbox.lease-lost key={} id={} owner={} (another dispatcher took the row back before sending)",
                    m.key(), m.id(), owner);
            return null;
        }
        pacer.noteChatSend(m.payload().chatId(), start);
        long t0 = System.nanoTime();
        SendResult result;
        try {
            result = sender.send(m.payload());
        } catch (RuntimeException e) {
            // the contract says senders do not throw; if one does we cannot know whether the request went out
            result = SendResult.failure(SendResult.Outcome.MAYBE_DELIVERED, "sender threw " + e, null);
        }
        if (result == null) {
            result = SendResult.failure(SendResult.Outcome.MAYBE_DELIVERED, "sender returned nothing", null);
        }
        Duration latency = result.latency().isZero() ? Duration.ofNanos(System.nanoTime() - t0) : result.latency();
        Instant answeredAt = clock.instant();
        if (result.outcome() == SendResult.Outcome.SENT) {
            badToken = false;
            return new Sent(m, result, start, answeredAt, latency);
        }
        // a failure decides what happens next (a pause, a retry time): recorded at once
        SendResult failure = result;
        Sql.inTransaction(dataSource, c -> acknowledge(c, m, failure, start, answeredAt, latency));
        return null;
    }

    private void record(Sent sent) throws SQLException {
        if (sent != null) {
            Sql.inTransaction(dataSource, c -> acknowledge(c, sent.m(), sent.r(), sent.start(), sent.answeredAt(), sent.latency()));
        }
    }

    private void record(Connection c, Sent sent) throws SQLException {
        if (sent != null) {
            acknowledge(c, sent.m(), sent.r(), sent.start(), sent.answeredAt(), sent.latency());
        }
    }

    private Void acknowledge(Connection c, Claimed m, SendResult r, Instant start, Instant now, Duration latency) throws SQLException {
        int attempt = m.attempts() + 1;
        String error = Sql.clip(r.error(), 1000);
        int updated;
        String guard = " WHERE id = ? AND lease_owner = ? AND status = 'SENDING'";
        switch (r.outcome()) {
            case SENT:
                // AMBIGUOUS too: our lease ran out during a slow send and a housekeeper marked the row; we now know
                updated = Sql.update(c, "UPDATE outbox_message SET status = 'SENT', sent_at = ?, telegram_message_id = ?, "
                        + "attempts = attempts + 1, lease_expires_at = NULL, last_error = NULL, updated_at = ? "
                        + "WHERE id = ? AND lease_owner = ? AND status IN ('SENDING', 'AMBIGUOUS')",
                        now, r.messageId(), now, m.id(), owner);
                if (m.candidateId() != null) {
                    Sql.update(c, "UPDATE candidate SET reachable = TRUE WHERE id = ? AND reachable = FALSE", m.candidateId());
                }
                badToken = false;
                log.info("outbox.sent key={} chat={} attempt={} telegramId={} ms={}", m.key(), m.payload().chatId(), attempt,
                        r.messageId(), latency.toMillis());
                break;
            case RETRY_AFTER: {
                Instant until = now.plus(r.retryAfter() == null ? DEFAULT_RETRY_AFTER : r.retryAfter());
                pause(until, "Telegram flood control (429)");
                updated = Sql.update(c, "UPDATE outbox_message SET status = 'PENDING', next_attempt_at = ?, lease_owner = NULL, "
                        + "lease_expires_at = NULL, wire_touched = FALSE, last_error = ?, updated_at = ?" + guard,
                        until, error, now, m.id(), owner);
                log.warn("outbox.retry-after key={} chat={} until={}", m.key(), m.payload().chatId(), until);
                break;
            }
            case BAD_TOKEN: {
                Instant until = now.plus(settings.badTokenPause());
                badToken = true;
                pause(until, "Telegram rejected the bot token");
                // stays due: the pause holds sending back, and resume() after a token fix sends it at once
                updated = Sql.update(c, "UPDATE outbox_message SET status = 'PENDING', lease_owner = NULL, "
                        + "lease_expires_at = NULL, wire_touched = FALSE, last_error = ?, updated_at = ?" + guard,
                        error, now, m.id(), owner);
                log.error("outbox.bad-token key={} paused until={}", m.key(), until);
                break;
            }
            case TRANSIENT:
                updated = retryOrGiveUp(c, m, attempt, error, now, guard);
                break;
            case UNREACHABLE:
                updated = Sql.update(c, "UPDATE outbox_message SET status = 'FAILED', attempts = attempts + 1, "
                        + "lease_expires_at = NULL, last_error = ?, updated_at = ?" + guard, error, now, m.id(), owner);
                if (m.candidateId() != null) {
                    Sql.update(c, "UPDATE candidate SET reachable = FALSE WHERE id = ?", m.candidateId());
                }
                log.warn("outbox.failed key={} chat={} attempt={} reason=unreachable error={}", m.key(), m.payload().chatId(),
                        attempt, error);
                break;
            case BAD_REQUEST:
                updated = Sql.update(c, "UPDATE outbox_message SET status = 'FAILED', attempts = attempts + 1, "
                        + "lease_expires_at = NULL, last_error = ?, updated_at = ?" + guard, error, now, m.id(), owner);
                log.warn("outbox.failed key={} chat={} attempt={} reason=bad-request error={}", m.key(), m.payload().chatId(),
                        attempt, error);
                break;
            case MAYBE_DELIVERED:
                updated = Sql.update(c, "UPDATE outbox_message SET status = 'AMBIGUOUS', attempts = attempts + 1, "
                        + "lease_expires_at = NULL, last_error = ?, updated_at = ?" + guard, error, now, m.id(), owner);
                log.warn("outbox.ambiguous key={} chat={} attempt={} error={}", m.key(), m.payload().chatId(), attempt, error);
                break;
            default:
                throw new IllegalStateException("unhandled outcome " + r.outcome());
        }
        if (updated == 0) {
            log.warn("outbox.ack-lost key={} id={} owner={} outcome={} (the lease was taken back during the send)",
                    m.key(), m.id(), owner, r.outcome());
        }
        if (updated > 0) {
            Ledger.appendLocked(c, m.id(), start, latency, r.outcome().name(), error, r.messageId(), owner);
        } else {
            Ledger.append(c, m.id(), start, latency, r.outcome().name(), error, r.messageId(), owner);
        }
        return null;
    }

    private int retryOrGiveUp(Connection c, Claimed m, int attempt, String error, Instant now, String guard) throws SQLException {
        RetryPolicy retry = settings.retry();
        if (retry.exhausted(attempt)) {
            log.warn("outbox.failed key={} chat={} attempt={} reason=attempts-exhausted error={}", m.key(), m.payload().chatId(),
                    attempt, error);
            return Sql.update(c, "UPDATE outbox_message SET status = 'FAILED', attempts = attempts + 1, lease_expires_at = NULL, "
                    + "last_error = ?, updated_at = ?" + guard, error, now, m.id(), owner);
        }
        Instant next = retry.nextAttempt(now, attempt);
        if (m.expiresAt() != null && !next.isBefore(m.expiresAt())) {
            log.info("outbox.expired key={} attempt={} reason=next-retry-after-expiry next={} expiresAt={}", m.key(), attempt,
                    next, m.expiresAt());
            return Sql.update(c, "UPDATE outbox_message SET status = 'EXPIRED', attempts = attempts + 1, lease_expires_at = NULL, "
                    + "last_error = ?, updated_at = ?" + guard, Sql.clip(error + "; next retry would be after expiry", 1000), now,
                    m.id(), owner);
        }
        log.info("outbox.retry key={} chat={} attempt={} next={} error={}", m.key(), m.payload().chatId(), attempt, next, error);
        return Sql.update(c, "UPDATE outbox_message SET status = 'PENDING', attempts = attempts + 1, next_attempt_at = ?, "
                + "lease_owner = NULL, lease_expires_at = NULL, wire_touched = FALSE, last_error = ?, updated_at = ?" + guard,
                next, error, now, m.id(), owner);
    }

    private void pause(Instant until, String reason) {
        Instant current = pausedUntil;
        if (current == null || until.isAfter(current)) {
            pausedUntil = until;
            pauseReason = reason;
        }
    }

    /** Gives rows we claimed but never handed to the sender back to the queue. */
    private void release(List<Claimed> rows, Instant nextAttemptAt) throws SQLException {
        Instant now = clock.instant();
        Sql.inTransaction(dataSource, c -> {
            for (Claimed row : rows) {
                Sql.update(c, "UPDATE outbox_message SET status = 'PENDING', lease_owner = NULL, lease_expires_at = NULL, "
                        + "next_attempt_at = ?, updated_at = ? WHERE id = ? AND lease_owner = ? AND status = 'SENDING' "
                        + "AND wire_touched = FALSE", nextAttemptAt, now, row.id(), owner);
            }
            return null;
        });
        log.info("outbox.released count={} owner={} next={}", rows.size(), owner, nextAttemptAt);
    }

    private Void expire(Connection c, long id, String key, Instant expiresAt, Instant now) throws SQLException {
        int n = Sql.update(c, "UPDATE outbox_message SET status = 'EXPIRED', lease_expires_at = NULL, last_error = ?, updated_at = ? "
                + "WHERE id = ? AND status IN ('PENDING', 'SENDING') AND wire_touched = FALSE",
                "expired at " + expiresAt + " before it could be delivered", now, id);
        if (n > 0) {
            log.info("outbox.expired key={} id={} expiresAt={}", key, id, expiresAt);
        }
        return null;
    }

    private void expireOverdue(Instant now) throws SQLException {
        Sql.inTransaction(dataSource, c -> {
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, dedup_key, expires_at FROM outbox_message "
                    + "WHERE status = 'PENDING' AND expires_at <= ? FOR UPDATE SKIP LOCKED")) {
                Sql.bind(ps, now);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Object[] {rs.getLong(1), rs.getString(2), Sql.getInstant(rs, 3)});
                    }
                }
            }
            for (Object[] row : rows) {
                expire(c, (Long) row[0], (String) row[1], (Instant) row[2], now);
            }
            return null;
        });
    }

    /**
     * Rows whose lease ran out: the holder died or hung. Untouched rows never reached a sender and are queued
     * again; touched ones may have been delivered and become AMBIGUOUS for an operator to decide.
     */
    private void recoverLeases(Instant now) throws SQLException {
        recoverLeases(now, false);
    }

    /**
     * Treats every outbox lease not held by this dispatcher as lost, now rather than when it runs out. Call it
     * before {@link #start()} when this dispatcher has just become the only one: the team leader (holding the
     * leader lease) or the owner of the embedded file. Rows a dead dispatcher held then go back to the queue, or
     * become AMBIGUOUS if they had been handed to its sender. Safe even if the previous holder still lives: every
     * acknowledgement is guarded by owner and state, so a row is never sent twice because of this.
     *
     * @return how many rows were recovered
     */
    public int adoptOrphanedLeases() {
        try {
            int n = recoverLeases(clock.instant(), true);
            log.info("dispatcher.adopted-leases owner={} rows={}", owner, n);
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recover orphaned outbox leases: " + e.getMessage(), e);
        }
    }

    private int recoverLeases(Instant now, boolean allOthers) throws SQLException {
        return Sql.inTransaction(dataSource, c -> {
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, dedup_key, wire_touched, lease_owner, lease_expires_at "
                    + "FROM outbox_message WHERE status = 'SENDING' AND (lease_expires_at < ?"
                    + (allOthers ? " OR lease_owner <> ?" : "") + ") FOR UPDATE SKIP LOCKED")) {
                if (allOthers) {
                    Sql.bind(ps, now, owner);
                } else {
                    Sql.bind(ps, now);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4), Sql.getInstant(rs, 5)});
                    }
                }
            }
            for (Object[] row : rows) {
                long id = (Long) row[0];
                String key = (String) row[1];
                String previousOwner = (String) row[3];
                if (!(Boolean) row[2]) {
                    Sql.update(c, "UPDATE outbox_message SET status = 'PENDING', lease_owner = NULL, lease_expires_at = NULL, "
                            + "updated_at = ? WHERE id = ? AND status = 'SENDING'", now, id);
                    log.info("outbox.lease-returned key={} id={} previousOwner={}", key, id, previousOwner);
                } else {
                    String error = "lease of " + previousOwner + " expired at " + row[4]
                            + " after the message was handed to the sender; it may have been delivered";
                    Sql.update(c, "UPDATE outbox_message SET status = 'AMBIGUOUS', attempts = attempts + 1, lease_expires_at = NULL, "
                            + "last_error = ?, updated_at = ? WHERE id = ? AND status = 'SENDING'", Sql.clip(error, 1000), now, id);
                    Ledger.append(c, id, now, Duration.ZERO, "LEASE_LOST", Sql.clip(error, 1000), null, owner);
                    log.warn("outbox.ambiguous key={} id={} reason=lease-lost previousOwner={}", key, id, previousOwner);
                }
            }
            return rows.size();
        });
    }

    /** The next instant something is due: a send, an expiry or a lease running out. */
    private Instant nextEvent(Instant now) throws SQLException {
        Instant latest = now.plus(settings.maxIdleWait());
        return Sql.inTransaction(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT "
                    + "(SELECT MIN(next_attempt_at) FROM outbox_message WHERE status = 'PENDING'), "
                    + "(SELECT MIN(expires_at) FROM outbox_message WHERE status = 'PENDING'), "
                    + "(SELECT MIN(lease_expires_at) FROM outbox_message WHERE status = 'SENDING')");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                Instant next = latest;
                for (int i = 1; i <= 3; i++) {
                    Instant candidate = Sql.getInstant(rs, i);
                    if (candidate != null && candidate.isBefore(next)) {
                        next = candidate;
                    }
                }
                return next;
            }
        });
    }

    /** Waits until {@code deadline}, a wake-up, or stop; at most the settings' idle cap. */
    private void idleUntil(Instant deadline) {
        synchronized (monitor) {
            if (!wakeRequested && !stopping) {
                long ms = Math.min(Duration.between(clock.instant(), deadline).toMillis(), settings.maxIdleWait().toMillis());
                if (ms > 0) {
                    waitOnMonitor(ms);
                }
            }
            wakeRequested = false;
        }
    }

    /** Waits until {@code instant} by the clock, whatever wake-ups come; false if the dispatcher is stopping. */
    private boolean waitUntil(Instant instant) {
        synchronized (monitor) {
            while (!stopping) {
                long ms = Duration.between(clock.instant(), instant).toMillis();
                if (ms <= 0) {
                    return true;
                }
                waitOnMonitor(Math.min(ms, settings.maxIdleWait().toMillis()));
            }
            return false;
        }
    }

    private void waitOnMonitor(long ms) {
        try {
            monitor.wait(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }
}
