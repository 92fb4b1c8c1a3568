package dev.recruitdesk.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts messages into the outbox inside the caller's transaction, deduplicated by key, and withdraws pending ones.
 * The unique constraint on the key decides races, not a check-then-insert: the insert runs under a savepoint and
 * a unique violation falls back to the row that won.
 */
public final class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final int MAX_KEY = 200;
    private static final int MAX_KIND = 64;
    private static final int MAX_TEXT = 16000;

    private final Clock clock;
    private final OutboxSignal signal;

    public Outbox(Clock clock, OutboxSignal signal) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.signal = Objects.requireNonNull(signal, "signal");
    }

    /**
     * Enqueues the message named by {@code dedupKey} in {@code s}'s transaction. A PENDING message with the key is
     * refreshed (payload, due time, expiry); a message in any other state is left alone, so a sent message is never
     * queued again. The dispatcher is woken after the transaction commits.
     *
     * @param dueAt     not before this instant
     * @param expiresAt never after this instant (the message becomes EXPIRED unsent), or {@code null}
     */
    public EnqueueResult enqueue(Session s, String dedupKey, String kind, Regarding regarding, OutgoingMessage payload,
                                 Instant dueAt, Instant expiresAt) {
        check(dedupKey, kind, regarding, payload, dueAt, expiresAt);
        s.flush(); // the caller's own rows (a booking, a candidate) must exist before ours refer to them
        EnqueueResult result = s.doReturningWork(c -> enqueue(c, dedupKey, kind, regarding, payload, dueAt, expiresAt));
        log.info("outbox.enqueue key={} kind={} chat={} due={} result={}", dedupKey, kind, payload.chatId(), dueAt, result);
        if (result != EnqueueResult.DUPLICATE_SKIPPED) {
            signal.fireAfterCommit(s);
        }
        return result;
    }

    /** Cancels the booking's PENDING messages of revisions before {@code currentRevision} (a reschedule). */
    public int cancelPendingBeforeRevision(Session s, long bookingId, int currentRevision, String reason) {
        return cancel(s, "booking_id = ? AND booking_revision < ?", List.of(bookingId, currentRevision), reason);
    }

    /** Cancels the booking's PENDING messages of the given kinds (e.g. the other confirmation prompts after ✅). */
    public int cancelPendingOfKinds(Session s, long bookingId, Collection<String> kinds, String reason) {
        if (kinds.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>();
        args.add(bookingId);
        args.addAll(kinds);
        String marks = String.join(", ", Collections.nCopies(kinds.size(), "?"));
        return cancel(s, "booking_id = ? AND kind IN (" + marks + ")", args, reason);
    }

    /** Cancels every PENDING message of the booking (it was cancelled, declined or rejected). */
    public int cancelAllPending(Session s, long bookingId, String reason) {
        return cancel(s, "booking_id = ?", List.of(bookingId), reason);
    }

    private static void check(String dedupKey, String kind, Regarding regarding, OutgoingMessage payload, Instant dueAt,
                              Instant expiresAt) {
        Objects.requireNonNull(regarding, "regarding");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(dueAt, "dueAt");
        if (dedupKey == null || dedupKey.isBlank() || dedupKey.length() > MAX_KEY) {
            throw new IllegalArgumentException("dedup key must be 1.." + MAX_KEY + " characters: " + dedupKey);
        }
        if (kind == null || kind.isBlank() || kind.length() > MAX_KIND) {
            throw new IllegalArgumentException("kind must be 1.." + MAX_KIND + " characters: " + kind);
        }
        if (payload.text().isEmpty() || payload.text().length() > MAX_TEXT) {
            throw new IllegalArgumentException("text must be 1.." + MAX_TEXT + " characters, key " + dedupKey);
        }
        if (expiresAt != null && !expiresAt.isAfter(dueAt)) {
            throw new IllegalArgumentException("key " + dedupKey + " expires at " + expiresAt + ", not after its due time " + dueAt);
        }
    }

    private EnqueueResult enqueue(Connection c, String key, String kind, Regarding regarding, OutgoingMessage payload,
                                  Instant dueAt, Instant expiresAt) throws SQLException {
        Instant now = clock.instant();
        Savepoint savepoint = c.setSavepoint();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_message (dedup_key, kind, booking_id, booking_revision, "
                + "candidate_id, chat_id, text, parse_mode, reply_markup, status, due_at, expires_at, next_attempt_at, attempts, "
                + "wire_touched, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, 0, FALSE, ?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, kind);
            Sql.setLong(ps, 3, regarding.bookingId());
            Sql.setInteger(ps, 4, regarding.bookingRevision());
            Sql.setLong(ps, 5, regarding.candidateId());
            ps.setLong(6, payload.chatId());
            ps.setString(7, payload.text());
            Sql.setString(ps, 8, payload.parseMode());
            Sql.setString(ps, 9, payload.replyMarkupJson());
            Sql.setInstant(ps, 10, dueAt);
            Sql.setInstant(ps, 11, expiresAt);
            Sql.setInstant(ps, 12, dueAt);
            Sql.setInstant(ps, 13, now);
            Sql.setInstant(ps, 14, now);
            ps.executeUpdate();
            c.releaseSavepoint(savepoint);
            return EnqueueResult.CREATED;
        } catch (SQLException e) {
            if (!Sql.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            // Another transaction holds the key (it waited for that one to commit): keep the caller's transaction
            // usable (PostgreSQL aborts it on any error) and continue with the row that exists.
            c.rollback(savepoint);
        }
        return refreshIfPending(c, key, regarding, payload, dueAt, expiresAt, now);
    }

    private static EnqueueResult refreshIfPending(Connection c, String key, Regarding regarding, OutgoingMessage payload,
                                                  Instant dueAt, Instant expiresAt, Instant now) throws SQLException {
        long id;
        String status;
        int attempts;
        Instant nextAttemptAt;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, status, attempts, next_attempt_at FROM outbox_message WHERE dedup_key = ? FOR UPDATE")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("outbox key " + key + " violated uniqueness but cannot be read");
                }
                id = rs.getLong("id");
                status = rs.getString("status");
                attempts = rs.getInt("attempts");
                nextAttemptAt = Sql.getInstant(rs, "next_attempt_at");
            }
        }
        if (!"PENDING".equals(status)) {
            log.info("outbox.dedup-hit key={} id={} status={}", key, id, status);
            return EnqueueResult.DUPLICATE_SKIPPED;
        }
        // a message already backing off after failures keeps its back-off; a fresh one follows the new due time
        Instant next = attempts > 0 && nextAttemptAt.isAfter(dueAt) ? nextAttemptAt : dueAt;
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET chat_id = ?, candidate_id = ?, text = ?, "
                + "parse_mode = ?, reply_markup = ?, due_at = ?, expires_at = ?, next_attempt_at = ?, updated_at = ? "
                + "WHERE id = ? AND status = 'PENDING'")) {
            ps.setLong(1, payload.chatId());
            Sql.setLong(ps, 2, regarding.candidateId());
            ps.setString(3, payload.text());
            Sql.setString(ps, 4, payload.parseMode());
            Sql.setString(ps, 5, payload.replyMarkupJson());
            Sql.setInstant(ps, 6, dueAt);
            Sql.setInstant(ps, 7, expiresAt);
            Sql.setInstant(ps, 8, next);
            Sql.setInstant(ps, 9, now);
            ps.setLong(10, id);
            ps.executeUpdate();
        }
        return EnqueueResult.REFRESHED;
    }

    private int cancel(Session s, String where, List<Object> args, String reason) {
        s.flush();
        Instant now = clock.instant();
        return s.doReturningWork(c -> {
            List<Long> ids = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, dedup_key FROM outbox_message WHERE status = 'PENDING' AND " + where + " FOR UPDATE")) {
                Sql.bind(ps, args.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        keys.add(rs.getString(2));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET status = 'CANCELLED', last_error = ?, "
                    + "updated_at = ? WHERE id = ? AND status = 'PENDING'")) {
                for (int i = 0; i < ids.size(); i++) {
                    ps.setString(1, Sql.clip("cancelled: " + reason, 1000));
                    Sql.setInstant(ps, 2, now);
                    ps.setLong(3, ids.get(i));
                    ps.executeUpdate();
                    log.info("outbox.cancelled key={} id={} reason={}", keys.get(i), ids.get(i), reason);
                }
            }
            return ids.size();
        });
    }
}
