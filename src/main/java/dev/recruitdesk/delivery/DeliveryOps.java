package dev.recruitdesk.delivery;

import dev.recruitdesk.domain.DeliveryAttempt;
import dev.recruitdesk.domain.OutboxMessage;
import dev.recruitdesk.domain.OutboxStatus;
import dev.recruitdesk.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The delivery ledger for people: find messages and their attempts, resend or cancel one, count by state. */
public final class DeliveryOps {

    private static final Logger log = LoggerFactory.getLogger(DeliveryOps.class);

    private final Database db;
    private final Clock clock;
    private final OutboxSignal signal;

    public DeliveryOps(Database db, Clock clock, OutboxSignal signal) {
        this.db = db;
        this.clock = clock;
        this.signal = signal;
    }

    /** Messages matching {@code q}, newest first. */
    public List<OutboxMessage> list(MessageQuery q) {
        return db.inTransaction(s -> bind(s.createSelectionQuery(
                        "from OutboxMessage m" + where(q) + " order by m.createdAt desc, m.id desc", OutboxMessage.class), q)
                .setFirstResult(q.offset())
                .setMaxResults(q.limit())
                .getResultList());
    }

    /** How many messages match {@code q} (ignoring its page). */
    public long count(MessageQuery q) {
        return db.inTransaction(s -> bind(s.createSelectionQuery(
                "select count(m) from OutboxMessage m" + where(q), Long.class), q).getSingleResult());
    }

    public Optional<OutboxMessage> find(long messageId) {
        return db.inTransaction(s -> Optional.ofNullable(s.find(OutboxMessage.class, messageId)));
    }

    /** The message's ledger, oldest entry first. */
    public List<DeliveryAttempt> attempts(long messageId) {
        return db.inTransaction(s -> s.createSelectionQuery(
                        "from DeliveryAttempt where messageId = :id order by attemptNo", DeliveryAttempt.class)
                .setParameter("id", messageId)
                .getResultList());
    }

    /**
     * Sends a FAILED, AMBIGUOUS or EXPIRED message once more: the same row goes back to PENDING now, with a fresh
     * attempt budget and no expiry (the operator decided it is still wanted), and the ledger records who asked.
     * A SENT, PENDING, SENDING or CANCELLED message is refused. Resending an AMBIGUOUS message may deliver it
     * twice; that is the operator's informed choice, and the screen says so.
     *
     * @return true if the message was queued again
     */
    public boolean resend(long messageId, String actor) {
        return db.inTransaction(s -> resend(s, messageId, actor));
    }

    /** {@link #resend(long, String)} in the caller's transaction (the console's, which audits it). */
    public boolean resend(Session s, long messageId, String actor) {
        Instant now = clock.instant();
        return s.doReturningWork(c -> {
            String status = lockStatus(c, messageId);
            if (status == null || !OutboxStatus.valueOf(status).isResendable()) {
                log.info("outbox.resend-refused id={} status={} actor={}", messageId, status, actor);
                return false;
            }
            String note = "resend requested by " + actor + " (was " + status + ")";
            Sql.update(c, "UPDATE outbox_message SET status = 'PENDING', next_attempt_at = ?, attempts = 0, expires_at = NULL, "
                    + "lease_owner = NULL, lease_expires_at = NULL, wire_touched = FALSE, last_error = ?, updated_at = ? "
                    + "WHERE id = ?", now, note, now, messageId);
            Ledger.append(c, messageId, now, Duration.ZERO, "RESEND_REQUESTED", note, null, null);
            signal.fireAfterCommit(s);
            log.info("outbox.resend id={} was={} actor={}", messageId, status, actor);
            return true;
        });
    }

    /** Withdraws a PENDING message. @return true if it was pending and is now CANCELLED */
    public boolean cancel(long messageId, String actor) {
        return db.inTransaction(s -> cancel(s, messageId, actor));
    }

    /** {@link #cancel(long, String)} in the caller's transaction. */
    public boolean cancel(Session s, long messageId, String actor) {
        Instant now = clock.instant();
        return s.doReturningWork(c -> {
            int n = Sql.update(c, "UPDATE outbox_message SET status = 'CANCELLED', last_error = ?, updated_at = ? "
                    + "WHERE id = ? AND status = 'PENDING'", "cancelled by " + actor, now, messageId);
            log.info("outbox.cancel id={} actor={} result={}", messageId, actor, n > 0 ? "cancelled" : "not-pending");
            return n > 0;
        });
    }

    /** The number of messages in each state; every state is present. */
    public Map<OutboxStatus, Long> countsByState() {
        Map<OutboxStatus, Long> counts = new EnumMap<>(OutboxStatus.class);
        for (OutboxStatus status : OutboxStatus.values()) {
            counts.put(status, 0L);
        }
        db.inTransaction(s -> s.createSelectionQuery("select m.status, count(m) from OutboxMessage m group by m.status", Object[].class)
                .getResultList())
                .forEach(row -> counts.put((OutboxStatus) row[0], (Long) row[1]));
        return counts;
    }

    /**
     * Dedup keys that Telegram accepted more than once: messages with two or more SENT ledger entries, at least one
     * of them started in the last 24 hours. The engine's promise is that this is 0 (an operator's resend of an
     * AMBIGUOUS message does not count, as its first attempt has no SENT entry).
     */
    public long duplicatesLast24h() {
        Instant since = clock.instant().minus(Duration.ofHours(24));
        return db.inTransaction(s -> s.doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM (SELECT message_id FROM delivery_attempt "
                    + "WHERE outcome = 'SENT' GROUP BY message_id HAVING COUNT(*) > 1 AND MAX(started_at) > ?) twice")) {
                Sql.bind(ps, since);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }));
    }

    /** Candidates Telegram said are gone (blocked the bot, deactivated, chat not found). */
    public long unreachableCandidates() {
        return db.inTransaction(s -> s.createSelectionQuery("select count(c) from Candidate c where c.reachable = false", Long.class)
                .getSingleResult());
    }

    /** Every message kind in the outbox, sorted: the choices of the kind filter. */
    public List<String> kinds() {
        return db.inTransaction(s -> s.createSelectionQuery("select distinct m.kind from OutboxMessage m order by m.kind", String.class)
                .getResultList());
    }

    /** The names of the given candidates, for showing who a message went to. */
    public Map<Long, String> candidateNames(java.util.Collection<Long> candidateIds) {
        Map<Long, String> names = new java.util.HashMap<>();
        if (candidateIds.isEmpty()) {
            return names;
        }
        db.inTransaction(s -> s.createSelectionQuery("select c.id, c.name from Candidate c where c.id in (:ids)", Object[].class)
                .setParameter("ids", candidateIds).getResultList())
                .forEach(row -> names.put((Long) row[0], (String) row[1]));
        return names;
    }

    private static String lockStatus(Connection c, long messageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT status FROM outbox_message WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static String where(MessageQuery q) {
        StringBuilder w = new StringBuilder(" where 1 = 1");
        if (!q.statuses().isEmpty()) {
            w.append(" and m.status in :statuses");
        }
        if (q.kind() != null) {
            w.append(" and m.kind = :kind");
        }
        if (q.chatId() != null) {
            w.append(" and m.chatId = :chatId");
        }
        if (q.candidateId() != null) {
            w.append(" and m.candidateId = :candidateId");
        }
        if (q.bookingId() != null) {
            w.append(" and m.bookingId = :bookingId");
        }
        if (q.text() != null && !q.text().isBlank()) {
            w.append(" and (lower(m.text) like :text or lower(m.dedupKey) like :text)");
        }
        if (q.recruiterId() != null) {
            // the same scope the console's use cases apply: the recruiter's bookings, and for messages about no
            // booking, candidates they booked, added or invited
            w.append(" and (m.bookingId in (select b.id from Booking b where b.recruiterId = :recruiterId)"
                    + " or (m.bookingId is null and m.candidateId in (select c.id from Candidate c"
                    + " where c.addedByRecruiterId = :recruiterId"
                    + " or exists (select 1 from Booking cb where cb.candidateId = c.id and cb.recruiterId = :recruiterId)"
                    + " or exists (select 1 from CandidateInvite ci where ci.candidateId = c.id and ci.recruiterId = :recruiterId))))");
        }
        return w.toString();
    }

    private static <T> SelectionQuery<T> bind(SelectionQuery<T> query, MessageQuery q) {
        if (!q.statuses().isEmpty()) {
            query.setParameter("statuses", q.statuses());
        }
        if (q.kind() != null) {
            query.setParameter("kind", q.kind());
        }
        if (q.chatId() != null) {
            query.setParameter("chatId", q.chatId());
        }
        if (q.candidateId() != null) {
            query.setParameter("candidateId", q.candidateId());
        }
        if (q.bookingId() != null) {
            query.setParameter("bookingId", q.bookingId());
        }
        if (q.recruiterId() != null) {
            query.setParameter("recruiterId", q.recruiterId());
        }
        if (q.text() != null && !q.text().isBlank()) {
            query.setParameter("text", "%" + q.text().strip().toLowerCase(Locale.ROOT) + "%");
        }
        return query;
    }
}
