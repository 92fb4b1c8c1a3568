package dev.recruitdesk.delivery;

import java.sql.BatchUpdateException;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    /** Keys per {@code IN (…)} lookup: well inside every driver's parameter limit. */
    private static final int LOOKUP_CHUNK = 500;
    private static final String INSERT = "INSERT INTO outbox_message (dedup_key, kind, booking_id, booking_revision, "
            + "candidate_id, chat_id, text, parse_mode, reply_markup, status, due_at, expires_at, next_attempt_at, attempts, "
            + "wire_touched, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, 0, FALSE, ?, ?)";
    private static final String REFRESH = "UPDATE outbox_message SET chat_id = ?, candidate_id = ?, text = ?, "
            + "parse_mode = ?, reply_markup = ?, due_at = ?, expires_at = ?, next_attempt_at = ?, updated_at = ? "
            + "WHERE id = ? AND status = 'PENDING'";

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
        OutboxEntry entry = new OutboxEntry(dedupKey, kind, regarding, payload, dueAt, expiresAt);
        EnqueueResult result = s.doReturningWork(c -> enqueue(c, entry, clock.instant()));
        log.info("outbox.enqueue key={} kind={} chat={} due={} result={}", dedupKey, kind, payload.chatId(), dueAt, result);
        if (result != EnqueueResult.DUPLICATE_SKIPPED) {
            signal.fireAfterCommit(s);
        }
        return result;
    }

    /**
     * Enqueues many messages in {@code s}'s transaction with the rules of {@link #enqueue}, in a few statements: one
     * locking lookup of the keys that exist, one batch of refreshes for the PENDING ones and one batch of inserts for
     * the rest. A key given twice ends as if enqueued twice in order: the later entry's payload wins. If another
     * transaction inserts one of the new keys meanwhile, the batch's inserts are undone and retried one by one, each
     * deciding its race as {@link #enqueue} does.
     *
     * @return what happened to each entry, in the order given
     */
    public List<EnqueueResult> enqueueAll(Session s, List<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        for (OutboxEntry e : entries) {
            check(e.dedupKey(), e.kind(), e.regarding(), e.payload(), e.dueAt(), e.expiresAt());
        }
        s.flush(); // as in enqueue: the rows our messages refer to must exist first
        List<EnqueueResult> results = s.doReturningWork(c -> enqueueAll(c, entries));
        boolean woke = false;
        for (int i = 0; i < entries.size(); i++) {
            OutboxEntry e = entries.get(i);
            log.info("outbox.enqueue key={} kind={} chat={} due={} result={}", e.dedupKey(), e.kind(), e.payload().chatId(),
                    e.dueAt(), results.get(i));
            woke |= results.get(i) != EnqueueResult.DUPLICATE_SKIPPED;
        }
        if (woke) {
            signal.fireAfterCommit(s);
        }
        return results;
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

    private EnqueueResult enqueue(Connection c, OutboxEntry e, Instant now) throws SQLException {
        Savepoint savepoint = c.setSavepoint();
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            bindInsert(ps, e, now);
            ps.executeUpdate();
            c.releaseSavepoint(savepoint);
            return EnqueueResult.CREATED;
        } catch (SQLException ex) {
            if (!isUniqueViolation(ex)) {
                throw ex;
            }
            // Another transaction holds the key (it waited for that one to commit): keep the caller's transaction
            // usable (PostgreSQL aborts it on any error) and continue with the row that exists.
            c.rollback(savepoint);
        }
        Existing row = lockExisting(c, List.of(e.dedupKey())).get(e.dedupKey());
        if (row == null) {
            throw new IllegalStateException("outbox key " + e.dedupKey() + " violated uniqueness but cannot be read");
        }
        if (!row.pending()) {
            log.info("outbox.dedup-hit key={} id={} status={}", e.dedupKey(), row.id(), row.status());
            return EnqueueResult.DUPLICATE_SKIPPED;
        }
        try (PreparedStatement ps = c.prepareStatement(REFRESH)) {
            bindRefresh(ps, e, row, now);
            ps.executeUpdate();
        }
        return EnqueueResult.REFRESHED;
    }

    private List<EnqueueResult> enqueueAll(Connection c, List<OutboxEntry> entries) throws SQLException {
        Instant now = clock.instant();
        // per key, the entry that decides the row: the last one, as if the entries were enqueued one after another
        Map<String, OutboxEntry> last = new LinkedHashMap<>();
        for (OutboxEntry e : entries) {
            last.put(e.dedupKey(), e);
        }
        Map<String, Existing> existing = lockExisting(c, last.keySet());
        Map<String, EnqueueResult> outcome = new HashMap<>();
        List<OutboxEntry> refreshes = new ArrayList<>();
        List<Existing> refreshed = new ArrayList<>();
        List<OutboxEntry> inserts = new ArrayList<>();
        for (OutboxEntry e : last.values()) {
            Existing row = existing.get(e.dedupKey());
            if (row == null) {
                inserts.add(e);
            } else if (row.pending()) {
                refreshes.add(e);
                refreshed.add(row);
                outcome.put(e.dedupKey(), EnqueueResult.REFRESHED);
            } else {
                log.info("outbox.dedup-hit key={} id={} status={}", e.dedupKey(), row.id(), row.status());
                outcome.put(e.dedupKey(), EnqueueResult.DUPLICATE_SKIPPED);
            }
        }
        if (!refreshes.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(REFRESH)) {
                for (int i = 0; i < refreshes.size(); i++) {
                    bindRefresh(ps, refreshes.get(i), refreshed.get(i), now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!inserts.isEmpty()) {
            insertAll(c, inserts, now, outcome);
        }
        // a key's first entry got the row's fate; its later entries found the row the first one left
        List<EnqueueResult> results = new ArrayList<>(entries.size());
        Map<String, Boolean> seen = new HashMap<>();
        for (OutboxEntry e : entries) {
            EnqueueResult first = outcome.get(e.dedupKey());
            boolean repeat = seen.put(e.dedupKey(), Boolean.TRUE) != null;
            results.add(repeat && first != EnqueueResult.DUPLICATE_SKIPPED ? EnqueueResult.REFRESHED : first);
        }
        return results;
    }

    /** Inserts the keys no row had, in one batch; a race lost to a concurrent insert falls back to one by one. */
    private void insertAll(Connection c, List<OutboxEntry> inserts, Instant now, Map<String, EnqueueResult> outcome)
            throws SQLException {
        Savepoint savepoint = c.setSavepoint();
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (OutboxEntry e : inserts) {
                bindInsert(ps, e, now);
                ps.addBatch();
            }
            ps.executeBatch();
            c.releaseSavepoint(savepoint);
            inserts.forEach(e -> outcome.put(e.dedupKey(), EnqueueResult.CREATED));
            return;
        } catch (SQLException ex) {
            if (!isUniqueViolation(ex)) {
                throw ex;
            }
            // some batches' rows may be in, others not (drivers differ): undo them all and let each key decide alone
            c.rollback(savepoint);
            log.info("outbox.batch-race keys={} fallback=one-by-one", inserts.size());
        }
        for (OutboxEntry e : inserts) {
            outcome.put(e.dedupKey(), enqueue(c, e, now));
        }
    }

    /** The rows that hold any of {@code keys}, locked until the transaction ends, by key. */
    private static Map<String, Existing> lockExisting(Connection c, Collection<String> keys) throws SQLException {
        Map<String, Existing> rows = new HashMap<>();
        List<String> sorted = keys.stream().sorted().toList(); // one lock order for every batch: no deadlock between two
        for (int from = 0; from < sorted.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = sorted.subList(from, Math.min(sorted.size(), from + LOOKUP_CHUNK));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT id, dedup_key, status, attempts, next_attempt_at "
                    + "FROM outbox_message WHERE dedup_key IN (" + marks + ") FOR UPDATE")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.put(rs.getString("dedup_key"), new Existing(rs.getLong("id"), rs.getString("status"),
                                rs.getInt("attempts"), Sql.getInstant(rs, "next_attempt_at")));
                    }
                }
            }
        }
        return rows;
    }

    private static void bindInsert(PreparedStatement ps, OutboxEntry e, Instant now) throws SQLException {
        ps.setString(1, e.dedupKey());
        ps.setString(2, e.kind());
        Sql.setLong(ps, 3, e.regarding().bookingId());
        Sql.setInteger(ps, 4, e.regarding().bookingRevision());
        Sql.setLong(ps, 5, e.regarding().candidateId());
        ps.setLong(6, e.payload().chatId());
        ps.setString(7, e.payload().text());
        Sql.setString(ps, 8, e.payload().parseMode());
        Sql.setString(ps, 9, e.payload().replyMarkupJson());
        Sql.setInstant(ps, 10, e.dueAt());
        Sql.setInstant(ps, 11, e.expiresAt());
        Sql.setInstant(ps, 12, e.dueAt());
        Sql.setInstant(ps, 13, now);
        Sql.setInstant(ps, 14, now);
    }

    private static void bindRefresh(PreparedStatement ps, OutboxEntry e, Existing row, Instant now) throws SQLException {
        // a message already backing off after failures keeps its back-off; a fresh one follows the new due time
        Instant next = row.attempts() > 0 && row.nextAttemptAt().isAfter(e.dueAt()) ? row.nextAttemptAt() : e.dueAt();
        ps.setLong(1, e.payload().chatId());
        Sql.setLong(ps, 2, e.regarding().candidateId());
        ps.setString(3, e.payload().text());
        Sql.setString(ps, 4, e.payload().parseMode());
        Sql.setString(ps, 5, e.payload().replyMarkupJson());
        Sql.setInstant(ps, 6, e.dueAt());
        Sql.setInstant(ps, 7, e.expiresAt());
        Sql.setInstant(ps, 8, next);
        Sql.setInstant(ps, 9, now);
        ps.setLong(10, row.id());
    }

    /** A unique violation, also when a driver wraps it in a batch failure (PostgreSQL chains the statement's error). */
    private static boolean isUniqueViolation(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if (Sql.UNIQUE_VIOLATION.equals(x.getSQLState())) {
                return true;
            }
            if (!(x instanceof BatchUpdateException)) {
                return false;
            }
        }
        return false;
    }

    /** An outbox row found under a key being enqueued. */
    private record Existing(long id, String status, int attempts, Instant nextAttemptAt) {
        boolean pending() {
            return "PENDING".equals(status);
        }
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
