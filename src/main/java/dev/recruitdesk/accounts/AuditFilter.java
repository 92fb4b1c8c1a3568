package dev.recruitdesk.accounts;

import java.time.Instant;

/**
 * Which audit entries to show; blank or null parts match everything. Text parts match case-insensitively anywhere
 * in the actor's name, the entity name or the action.
 *
 * @param from inclusive; {@code to} exclusive
 */
public record AuditFilter(String actor, String entity, String action, Instant from, Instant to) {

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null, null);
    }
}
