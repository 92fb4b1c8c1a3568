package dev.recruitdesk.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/** Appends entries to the delivery ledger ({@code delivery_attempt}), numbered per message. */
final class Ledger {

    private Ledger() {
    }

    /**
     * Appends one entry. The message row is locked first so that two writers (a late acknowledgement and a lease
     * recovery) cannot take the same number.
     */
    static void append(Connection c, long messageId, Instant startedAt, Duration latency, String outcome, String error,
                       Long telegramMessageId, String leaseOwner) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT id FROM outbox_message WHERE id = ? FOR UPDATE")) {
            lock.setLong(1, messageId);
            lock.executeQuery().close();
        }
        appendLocked(c, messageId, startedAt, latency, outcome, error, telegramMessageId, leaseOwner);
    }

    /** Appends one entry when this transaction already holds the message row's lock (it updated the row). */
    static void appendLocked(Connection c, long messageId, Instant startedAt, Duration latency, String outcome, String error,
                             Long telegramMessageId, String leaseOwner) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO delivery_attempt (message_id, attempt_no, started_at, "
                + "latency_ms, outcome, error, telegram_message_id, lease_owner) "
                + "SELECT ?, COALESCE(MAX(attempt_no), 0) + 1, ?, ?, ?, ?, ?, ? FROM delivery_attempt WHERE message_id = ?")) {
            ps.setLong(1, messageId);
            Sql.setInstant(ps, 2, startedAt);
            ps.setLong(3, Math.max(0, latency.toMillis()));
            ps.setString(4, outcome);
            Sql.setString(ps, 5, error);
            Sql.setLong(ps, 6, telegramMessageId);
            Sql.setString(ps, 7, leaseOwner);
            ps.setLong(8, messageId);
            ps.executeUpdate();
        }
    }
}
