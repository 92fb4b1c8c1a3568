package dev.recruitdesk.telegram;

import dev.recruitdesk.booking.RuleViolation;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks inline-button data: {@code v1:<action>:<target>:<arg>:<mac>}, where the MAC is HMAC-SHA256 of
 * everything before it under the installation's key, truncated to 128 bits, base64url without padding. Numbers
 * are canonical decimals, so each button has exactly one valid spelling. Every form fits Telegram's 64 bytes
 * (see {@link Action} for what target and arg mean per action). Thread-safe.
 */
public final class CallbackCodec {

    public static final String VERSION = "v1";
    public static final int MAX_BYTES = 64;
    public static final int KEY_BYTES = 32;
    static final int MAC_BYTES = 16;
    /** The largest number the decoder reads (18 digits). */
    static final long MAX_NUMBER = 999_999_999_999_999_999L;

    private static final String HMAC = "HmacSHA256";
    private static final Pattern SHAPE = Pattern.compile(
            "v1:([a-z]{1,2}):(0|[1-9][0-9]{0,17}):(0|[1-9][0-9]{0,17}):([A-Za-z0-9_-]{22})");

    /** What a button does; the code is what goes on the wire. */
    public enum Action {
        /** Candidate confirms the interview: target = booking id, arg = booking revision. */
        CONFIRM("c"),
        /** Candidate cannot come: target = booking id, arg = booking revision. */
        DECLINE("d"),
        /** Candidate cancels from /my: target = booking id, arg = booking revision. */
        CANCEL("x"),
        /** Recruiter approves a request from their own chat: target = booking id, arg = revision. */
        APPROVE("a"),
        /** Recruiter rejects a request from their own chat: target = booking id, arg = revision. */
        REJECT("r"),
        /** Show the list of days with free slots: target = page of that list (0-based), arg = 0. */
        DAYS("ds"),
        /** Show the free times of one day: target = the day's epoch day in the candidate's zone, arg = page. */
        DAY("dy"),
        /** Request a slot: target = slot id, arg = the page of the time list it was on (to redraw it if taken). */
        PICK("p"),
        /** Choose a zone (city) from the zone list: target = index in that list, arg = 0. */
        ZONE("z"),
        /** Candidate asks for another time from /my: target = booking id, arg = booking revision. */
        RESCHEDULE("rs");

        private final String code;

        Action(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Action ofCode(String code) {
            for (Action a : values()) {
                if (a.code.equals(code)) {
                    return a;
                }
            }
            return null;
        }
    }

    /** Why data was refused. */
    public enum Problem { MALFORMED, UNKNOWN_VERSION, UNKNOWN_ACTION, BAD_MAC }

    /** The result of {@link #decode}: {@link Valid} or {@link Forged}. */
    public sealed interface Decoded permits Valid, Forged {
        default boolean isValid() {
            return this instanceof Valid;
        }
    }

    /** Data this installation signed. For booking actions {@code target} is the booking id and {@code arg} its revision. */
    public record Valid(Action action, long target, long arg) implements Decoded {

        public long bookingId() {
            return target;
        }

        public int revision() {
            return Math.toIntExact(arg);
        }
    }

    /** Data that was not signed by this installation, or not of a known shape. Never act on it. */
    public record Forged(Problem problem) implements Decoded {
    }

    private final SecretKeySpec key; // null: this console cannot sign (see locked)
    /** A keyed MAC per thread: looking up and keying one costs more than the MAC itself, and a Mac is not thread-safe. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    private CallbackCodec() {
        this.key = null;
    }

    private CallbackCodec(byte[] keyBytes) {
        if (keyBytes.length < KEY_BYTES) {
            throw new IllegalArgumentException("The callback key must be at least " + KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(keyBytes, HMAC);
        Arrays.fill(keyBytes, (byte) 0);
    }

    /** A codec for the base64 key of {@code telegram.callbackKey}; the message of a refusal never quotes it. */
    public static CallbackCodec fromBase64Key(String base64Key) {
        Objects.requireNonNull(base64Key, "base64Key");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The callback key is not base64");
        }
        return new CallbackCodec(bytes);
    }

    /**
     * A codec for a console that cannot read the shared callback key (team mode without the right
     * {@code secrets.key}): signing refuses with a message the console shows, so no message with unsigned buttons
     * is ever enqueued; every press decodes as forged.
     */
    public static CallbackCodec locked() {
        return new CallbackCodec();
    }

    /** False for a {@link #locked()} codec. */
    public boolean canSign() {
        return key != null;
    }

    /** A new random key (32 bytes, base64) for {@code telegram.callbackKey}; generated once per installation. */
    public static String generateKey() {
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Signed data for a button; target and arg must be non-negative and the result must fit in 64 bytes. */
    public String encode(Action action, long target, long arg) {
        Objects.requireNonNull(action, "action");
        if (target < 0 || arg < 0 || target > MAX_NUMBER || arg > MAX_NUMBER) {
            throw new IllegalArgumentException("callback numbers are 0.." + MAX_NUMBER + ": " + target + ", " + arg);
        }
        if (key == null) {
            throw new RuleViolation("", "secrets.error.cannotSign");
        }
        String body = VERSION + ":" + action.code() + ":" + target + ":" + arg;
        String data = body + ":" + mac(body);
        if (data.length() > MAX_BYTES) {
            throw new IllegalArgumentException("callback data would be " + data.length() + " bytes, over " + MAX_BYTES);
        }
        return data;
    }

    /** Checks {@code data} from a button press; anything not signed here with a known shape is {@link Forged}. */
    public Decoded decode(String data) {
        if (data == null || data.length() > MAX_BYTES) {
            return new Forged(Problem.MALFORMED);
        }
        if (!data.startsWith(VERSION + ":")) {
            return new Forged(data.matches("v[0-9]+:.*") ? Problem.UNKNOWN_VERSION : Problem.MALFORMED);
        }
        Matcher m = SHAPE.matcher(data);
        if (!m.matches()) {
            return new Forged(Problem.MALFORMED);
        }
        if (key == null) {
            return new Forged(Problem.BAD_MAC);
        }
        String body = data.substring(0, m.start(4) - 1);
        byte[] expected = macBytes(body);
        byte[] given = Base64.getUrlDecoder().decode(m.group(4));
        if (!MessageDigest.isEqual(expected, given)) {
            return new Forged(Problem.BAD_MAC);
        }
        Action action = Action.ofCode(m.group(1));
        if (action == null) {
            return new Forged(Problem.UNKNOWN_ACTION);
        }
        return new Valid(action, Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
    }

    private String mac(String body) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(macBytes(body));
    }

    private byte[] macBytes(String body) {
        return Arrays.copyOf(macs.get().doFinal(body.getBytes(StandardCharsets.US_ASCII)), MAC_BYTES);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "CallbackCodec[" + VERSION + (key == null ? ", locked]" : ", key hidden]");
    }
}
