package dev.recruitdesk.reminders;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * The reminders sent before an interview, with their defaults and fixed rules. Candidate kinds are declared in the
 * order they fall before the start (earliest first); a later candidate kind <em>covers</em> an earlier one that
 * would go out less than {@link ReminderPlanner#COVER_WINDOW} before it, so approval late in the day never sends a
 * burst of prompts.
 *
 * <p>Expiry: every kind expires at the interview start, except {@link #DAY_BEFORE}, which expires earlier, when the
 * next candidate reminder planned for the booking becomes due: past that moment it would only arrive beside (or
 * after) a fresher message.
 */
public enum ReminderKind {

    /** To the candidate a day before: the details and the link, with ✅/❌ while the booking is unconfirmed. */
    DAY_BEFORE(Recipient.CANDIDATE, Duration.ofHours(24), true, Duration.ofHours(12)),

    /** To the candidate two hours before: "✅ Подтверждаю / ❌ Не смогу"; not planned once confirmed. */
    CONFIRM_2H(Recipient.CANDIDATE, Duration.ofHours(2), true, Duration.ofHours(12)),

    /** To the candidate ten minutes before: the link, no buttons. */
    STARTING_SOON(Recipient.CANDIDATE, Duration.ofMinutes(10), false, Duration.ofMinutes(30)),

    /** To the recruiter an hour before, only while the candidate has not confirmed (cancelled on ✅). */
    UNCONFIRMED_ALERT(Recipient.RECRUITER, Duration.ofMinutes(60), false, Duration.ofMinutes(30));

    private final Recipient recipient;
    private final Duration defaultOffset;
    private final boolean prompt;
    private final Duration maxAdvance;
    private final String keyName;

    ReminderKind(Recipient recipient, Duration defaultOffset, boolean prompt, Duration maxAdvance) {
        this.recipient = recipient;
        this.defaultOffset = defaultOffset;
        this.prompt = prompt;
        this.maxAdvance = maxAdvance;
        this.keyName = name().toLowerCase(java.util.Locale.ROOT);
    }

    public Recipient recipient() {
        return recipient;
    }

    /** How long before the start it is due by default. */
    public Duration defaultOffset() {
        return defaultOffset;
    }

    /** True when it carries the ✅/❌ confirmation buttons (as long as the candidate has not confirmed). */
    public boolean isPrompt() {
        return prompt;
    }

    /**
     * How much earlier than intended quiet hours may move it. "Starting soon" said nine hours early would
     * mislead, and an early recruiter alert would give the candidate less time to answer, so those two barely move.
     */
    public Duration maxAdvance() {
        return maxAdvance;
    }

    /** Lower-case snake name used in dedup keys and as the outbox kind, e.g. {@code confirm_2h}. */
    public String keyName() {
        return keyName;
    }

    /** The outbox dedup key of this reminder for one revision of a booking: {@code confirm_2h:booking-42:rev-3}. */
    public String dedupKey(long bookingId, int revision) {
        return keyName + ":booking-" + bookingId + ":rev-" + revision;
    }

    /** True when this kind, planned, makes {@code earlier} redundant if that one would go out shortly before it. */
    public boolean covers(ReminderKind earlier) {
        return recipient == Recipient.CANDIDATE && earlier.recipient == Recipient.CANDIDATE && ordinal() > earlier.ordinal();
    }

    /** Kinds whose pending rows the booking side cancels when the candidate confirms. */
    public static Set<ReminderKind> cancelledOnConfirmation() {
        return EnumSet.of(CONFIRM_2H, UNCONFIRMED_ALERT);
    }
}
