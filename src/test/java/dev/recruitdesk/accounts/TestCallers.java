package dev.recruitdesk.accounts;

import dev.recruitdesk.domain.Role;

/** Callers for tests that are not about scope: an admin who may do everything, as the embedded console's user is. */
public final class TestCallers {

    /** The embedded console's user: an admin (its recruiter id matters only where a use case works "as" it). */
    public static final Caller ADMIN = Caller.soleUser(1, "Test admin");

    private TestCallers() {
    }

    /** The embedded console's user working as recruiter {@code recruiterId}. */
    public static Caller soleUser(long recruiterId) {
        return Caller.soleUser(recruiterId, "Test admin");
    }

    /** An admin with the given name (what the audit and "changed by" show). */
    public static Caller admin(String name) {
        return Caller.soleUser(1, name);
    }

    /** A team-mode recruiter without an account row (the audit's account id stays empty). */
    public static Caller recruiter(String name, long recruiterId) {
        return new Caller(null, name, Role.RECRUITER, recruiterId);
    }
}
