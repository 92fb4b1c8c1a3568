package dev.recruitdesk.accounts;

import dev.recruitdesk.domain.Role;
import java.time.Instant;

/**
 * One account as the Accounts screen lists it: never the password hash.
 *
 * @param lockedUntil when a lock-out ends, or null when the account is not locked now
 */
public record AccountRow(long id, String username, String name, Role role, String zone, boolean active,
                         int failedLogins, Instant lockedUntil, Instant lastLoginAt, Instant createdAt, long recruiterId) {

    public boolean locked() {
        return lockedUntil != null;
    }
}
