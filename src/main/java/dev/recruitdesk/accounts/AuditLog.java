package dev.recruitdesk.accounts;

import dev.recruitdesk.domain.AuditEntry;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the audit: one row per recruiter action, in the same transaction as the action, so an action and its
 * audit commit or roll back together.
 */
public final class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Records that {@code who} did {@code action} (e.g. {@code booking.approve}) to row {@code entityId} of
     * {@code entity}; {@code before}/{@code after} are short human-readable renderings, null when not applicable.
     */
    public AuditEntry record(Session s, Caller who, String action, String entity, Long entityId, String before, String after) {
        AuditEntry entry = new AuditEntry(clock.instant(), who.accountId(), who.name(), action, entity, entityId, before, after);
        s.persist(entry);
        log.info("audit action={} entity={}:{} by={}", action, entity, entityId, who.name());
        return entry;
    }

    /** One row's change within a bulk action. */
    public record Change(long entityId, String before, String after) {
    }

    /**
     * Records one row per change of a bulk action (a multi-select approval of hundreds) with one JDBC batch: the
     * same rows {@link #record} writes, without an identity round trip per row.
     */
    public void recordAll(Session s, Caller who, String action, String entity, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        OffsetDateTime at = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        s.doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_entry (occurred_at, account_id, actor_name, action,"
                    + " entity, entity_id, before_value, after_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Change change : changes) {
                    ps.setObject(1, at);
                    if (who.accountId() == null) {
                        ps.setNull(2, Types.BIGINT);
                    } else {
                        ps.setLong(2, who.accountId());
                    }
                    ps.setString(3, who.name());
                    ps.setString(4, action);
                    ps.setString(5, entity);
                    ps.setLong(6, change.entityId());
                    ps.setString(7, AuditEntry.fit(change.before()));
                    ps.setString(8, AuditEntry.fit(change.after()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
        log.info("audit action={} entity={} rows={} by={}", action, entity, changes.size(), who.name());
    }

    /** The most recent entries of one row, newest first. */
    public List<AuditEntry> of(Session s, String entity, long entityId, int limit) {
        return s.createSelectionQuery("from AuditEntry where entity = :entity and entityId = :id order by at desc, id desc",
                        AuditEntry.class)
                .setParameter("entity", entity).setParameter("id", entityId).setMaxResults(limit).getResultList();
    }
}
