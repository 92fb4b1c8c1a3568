package dev.recruitdesk.accounts;

import java.time.Instant;
import java.time.ZoneId;

/** What a login attempt came to: the signed-in caller, or why not. */
public sealed interface LoginResult {

    /** The password was right: the console works as {@code caller}. */
    record SignedIn(Caller caller) implements LoginResult {
    }

    /**
     * Refused. An unknown username and a wrong password are the same {@link Reason#BAD_CREDENTIALS}, so the
     * console cannot be used to find out which usernames exist.
     *
     * @param lockedUntil when the lock ends ({@link Reason#LOCKED} only)
     * @param zone        the account's zone, to say that time in ({@link Reason#LOCKED} only)
     */
    record Refused(Reason reason, Instant lockedUntil, ZoneId zone) implements LoginResult {
    }

    enum Reason {
        BAD_CREDENTIALS, LOCKED, INACTIVE
    }
}
