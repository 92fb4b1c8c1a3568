package dev.recruitdesk.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** One audited action: who did what to which row, when, with short renderings of the state before and after. Append-only. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    /** Longest stored rendering of a before or after state; longer ones are cut with an ellipsis. */
    public static final int MAX_VALUE = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant at;

    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "actor_name", nullable = false, length = 200)
    private String actorName;

    @Column(nullable = false, length = 64)
    private String action;

    @Column(nullable = false, length = 32)
    private String entity;

    @Column(name = "entity_id")
    private Long entityId;

    @Column(name = "before_value", length = MAX_VALUE)
    private String before;

    @Column(name = "after_value", length = MAX_VALUE)
    private String after;

    protected AuditEntry() {
    }

    public AuditEntry(Instant at, Long accountId, String actorName, String action, String entity, Long entityId,
                      String before, String after) {
        this.at = Objects.requireNonNull(at, "at");
        this.accountId = accountId;
        this.actorName = Objects.requireNonNull(actorName, "actorName");
        this.action = Objects.requireNonNull(action, "action");
        this.entity = Objects.requireNonNull(entity, "entity");
        this.entityId = entityId;
        this.before = fit(before);
        this.after = fit(after);
    }

    /** {@code value} cut to {@link #MAX_VALUE} characters with an ellipsis when longer. */
    public static String fit(String value) {
        return value == null || value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE - 1) + "…";
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getActorName() {
        return actorName;
    }

    public String getAction() {
        return action;
    }

    public String getEntity() {
        return entity;
    }

    public Long getEntityId() {
        return entityId;
    }

    public String getBefore() {
        return before;
    }

    public String getAfter() {
        return after;
    }
}
