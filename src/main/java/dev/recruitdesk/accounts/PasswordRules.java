package dev.recruitdesk.accounts;

import java.util.Locale;

/** What a password must be: long enough to resist guessing, not the username, and short enough for BCrypt. */
public final class PasswordRules {

    public static final int MIN_LENGTH = 10;

    private PasswordRules() {
    }

    /** Refuses a password that breaks a rule, naming the {@code field} the form shows it next to. */
    public static void check(String field, String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new AccountProblem(field, "accounts.error.passwordShort", MIN_LENGTH);
        }
        if (PasswordHasher.bytes(password) > PasswordHasher.MAX_BYTES) {
            throw new AccountProblem(field, "accounts.error.passwordLong", PasswordHasher.MAX_BYTES);
        }
        if (username != null && password.strip().toLowerCase(Locale.ROOT).equals(username.strip().toLowerCase(Locale.ROOT))) {
            throw new AccountProblem(field, "accounts.error.passwordIsUsername");
        }
    }
}
