package dev.recruitdesk.accounts;

import dev.recruitdesk.domain.Role;
import java.util.Objects;

/**
 * Who asks a use case for something: the logged-in account in team mode, or the console's only user on the
 * embedded database (an admin over their own data). Use cases check scope and write the audit with it.
 *
 * @param accountId   the account, or null for the single user of the embedded database
 * @param name        the name the audit and "changed by …" messages show
 * @param role        what the caller may do
 * @param recruiterId the recruiter the caller works as: their slots, bookings and candidates
 */
public record Caller(Long accountId, String name, Role role, long recruiterId) {

    public Caller {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    /** The single user of an embedded database: no login, every right, works as its only recruiter. */
    public static Caller soleUser(long recruiterId, String name) {
        return new Caller(null, name, Role.ADMIN, recruiterId);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** True when the caller may see and change work owned by {@code ownerRecruiterId}. */
    public boolean mayActFor(long ownerRecruiterId) {
        return isAdmin() || recruiterId == ownerRecruiterId;
    }

    /** Refuses unless the caller may act for {@code ownerRecruiterId}. */
    public void requireScope(long ownerRecruiterId, String what) {
        if (!mayActFor(ownerRecruiterId)) {
            throw new AccessDenied(this, "access.notYours", what);
        }
    }

    /** Refuses unless the caller is an admin. */
    public void requireAdmin(String what) {
        if (!isAdmin()) {
            throw new AccessDenied(this, "access.adminOnly", what);
        }
    }
}
