package dev.recruitdesk.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key of {@code secrets.key}: AES-256-GCM over the secrets kept in the database. Only its fingerprint (a hash,
 * which tells keys apart without revealing them) may be logged or shown.
 */
public final class SecretsKey {

    public static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One encrypted value: base64 ciphertext (with the tag) and base64 nonce. */
    public record Sealed(String ciphertext, String nonce) {
    }

    /** A value cannot be read with this key: the key is another one, or the stored bytes were altered. */
    public static final class RefusedException extends RuntimeException {
        RefusedException(String message) {
            super(message);
        }

        /** One-line message; the stack trace says nothing an admin can act on. */
        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    private final SecretKeySpec key;
    private final String fingerprint;

    private SecretsKey(byte[] bytes) {
        this.key = new SecretKeySpec(bytes, "AES");
        this.fingerprint = fingerprintOf(bytes);
        Arrays.fill(bytes, (byte) 0);
    }

    /**
     * The key from its base64 text (32 bytes).
     *
     * @throws IllegalArgumentException naming what is wrong, never quoting the text
     */
    public static SecretsKey fromBase64(String base64) {
        Objects.requireNonNull(base64, "base64");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("secrets.key is not base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("secrets.key must be " + KEY_BYTES + " bytes (base64 of 32 random bytes), found "
                    + bytes.length);
        }
        return new SecretsKey(bytes);
    }

    /** A fresh random key, base64, for an admin to put in every console's settings file. */
    public static String generate() {
        byte[] bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** 16 hex digits of SHA-256 over the key: equal for equal keys, useless for recovering one. */
    public String fingerprint() {
        return fingerprint;
    }

    /** Encrypts {@code plaintext} under a fresh nonce, bound to {@code name} so rows cannot be swapped. */
    public Sealed seal(String name, String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, name, nonce);
            byte[] out = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return new Sealed(Base64.getEncoder().encodeToString(out), Base64.getEncoder().encodeToString(nonce));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable: " + e.getMessage(), e);
        }
    }

    /**
     * Decrypts a value written under key {@code keyId}.
     *
     * @throws RefusedException when {@code keyId} is not this key's fingerprint, or the tag does not verify
     */
    public String open(String name, Sealed sealed, String keyId) {
        if (!fingerprint.equals(keyId)) {
            throw new RefusedException("secret " + name + " was written with the key of fingerprint " + keyId
                    + ", but secrets.key here has fingerprint " + fingerprint + ": copy the admin's secrets.key into this console's "
                    + "recruitdesk.properties");
        }
        try {
            byte[] nonce = Base64.getDecoder().decode(sealed.nonce());
            byte[] in = Base64.getDecoder().decode(sealed.ciphertext());
            return new String(cipher(Cipher.DECRYPT_MODE, name, nonce).doFinal(in), StandardCharsets.UTF_8);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new RefusedException("secret " + name + " does not verify under the key of fingerprint " + fingerprint
                    + ": the stored value was altered or damaged; an admin must set it again");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable: " + e.getMessage(), e);
        }
    }

    private Cipher cipher(int mode, String name, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static String fingerprintOf(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "SecretsKey[fingerprint=" + fingerprint + "]";
    }
}
