package dev.recruitdesk.accounts;

import dev.recruitdesk.domain.AuditEntry;
import java.time.Clock;
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

    /** The most recent entries of one row, newest first. */
    public List<AuditEntry> of(Session s, String entity, long entityId, int limit) {
        return s.createSelectionQuery("from AuditEntry where entity = :entity and entityId = :id order by at desc, id desc",
                        AuditEntry.class)
                .setParameter("entity", entity).setParameter("id", entityId).setMaxResults(limit).getResultList();
    }
}
