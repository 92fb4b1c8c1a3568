package dev.recruitdesk.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Turns passwords into slow salted hashes and checks them: Spring Security's BCrypt (cost 12, about a quarter of a
 * second per check) rather than crypto of our own. BCrypt reads at most 72 bytes, so longer passwords are refused by
 * {@link PasswordRules} instead of being silently cut.
 */
public final class PasswordHasher {

    /** The production cost: 2^12 rounds. */
    public static final int STRENGTH = 12;
    /** BCrypt ignores everything past this many bytes of UTF-8. */
    public static final int MAX_BYTES = 72;

    private final BCryptPasswordEncoder encoder;
    /**
     * Checked when the username is unknown, so an unknown user takes as long to refuse as a wrong password. Made on
     * first need: hashing costs a quarter of a second the embedded single-user console should not pay at start.
     */
    private volatile String decoy;

    public PasswordHasher() {
        this(STRENGTH);
    }

    /** A lower cost (down to 4) makes tests that log in many times quick; the app always uses {@link #STRENGTH}. */
    public PasswordHasher(int strength) {
        this.encoder = new BCryptPasswordEncoder(BCryptPasswordEncoder.BCryptVersion.$2B, strength);
    }

    public String hash(CharSequence password) {
        requireFits(password);
        return encoder.encode(password);
    }

    /** True when {@code password} is the one {@code hash} was made from. */
    public boolean matches(CharSequence password, String hash) {
        if (password == null || hash == null || bytes(password) > MAX_BYTES) {
            return false;
        }
        return encoder.matches(password, hash);
    }

    /** Spends the same time as a real check and returns false: for a username that does not exist. */
    public boolean matchesNothing(CharSequence password) {
        if (decoy == null) {
            decoy = encoder.encode("decoy-password-never-matches");
        }
        encoder.matches(password == null || bytes(password) > MAX_BYTES ? "" : password, decoy);
        return false;
    }

    static int bytes(CharSequence password) {
        return password.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    private static void requireFits(CharSequence password) {
        Objects.requireNonNull(password, "password");
        if (bytes(password) > MAX_BYTES) {
            throw new IllegalArgumentException("A password longer than " + MAX_BYTES + " bytes cannot be hashed with BCrypt");
        }
    }
}
