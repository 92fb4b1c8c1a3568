package dev.recruitdesk.telegram;

import java.util.Locale;
import java.util.Set;

/**
 * Every text the bot sends or shows on a button, with the placeholders it may use. The id (the constant's name in
 * lower case) is the key in the template bundles and in {@code message_template}.
 */
public enum TemplateKey {
    GREETING(Kind.MESSAGE),
    BAD_NAME(Kind.MESSAGE),
    ASK_ZONE(Kind.MESSAGE, "candidate_name"),
    ZONE_SAVED(Kind.MESSAGE, "zone"),
    PICK_DAY(Kind.MESSAGE, "zone"),
    PICK_TIME(Kind.MESSAGE, "slot_date", "zone"),
    NO_SLOTS(Kind.MESSAGE),
    SLOT_TAKEN(Kind.MESSAGE),
    REQUEST_SENT(Kind.MESSAGE, "slot_time", "recruiter_name"),
    APPROVED(Kind.MESSAGE, "candidate_name", "slot_time", "slot_duration", "place", "join_link", "recruiter_name"),
    REJECTED(Kind.MESSAGE, "candidate_name", "reason"),
    REMINDER_DAY_BEFORE(Kind.MESSAGE, "candidate_name", "slot_time", "place", "join_link"),
    REMINDER_CONFIRM_2H(Kind.MESSAGE, "candidate_name", "slot_time"),
    REMINDER_STARTING_SOON(Kind.MESSAGE, "candidate_name", "slot_time", "place", "join_link"),
    UNCONFIRMED_ALERT(Kind.MESSAGE, "candidate_name", "slot_time"),
    CONFIRMED_THANKS(Kind.MESSAGE, "candidate_name", "slot_time"),
    DECLINED(Kind.MESSAGE, "candidate_name"),
    REASON_THANKS(Kind.MESSAGE),
    RESCHEDULED(Kind.MESSAGE, "candidate_name", "slot_time", "place", "join_link"),
    CANCELLED(Kind.MESSAGE, "candidate_name", "slot_time", "reason"),
    MY_BOOKING(Kind.MESSAGE, "slot_time", "place", "join_link", "recruiter_name", "status"),
    MY_BOOKING_NONE(Kind.MESSAGE),
    HELP(Kind.MESSAGE),
    UNKNOWN_INPUT(Kind.MESSAGE),
    STALE_BUTTON(Kind.TOAST),
    FORBIDDEN_PRESSER(Kind.TOAST),
    INPUT_TOO_LONG(Kind.MESSAGE, "max_length"),
    UNSUPPORTED_CONTENT(Kind.MESSAGE),
    INVITE_USED(Kind.MESSAGE),
    INVITE_UNKNOWN(Kind.MESSAGE),
    INVITE_EXPIRED(Kind.MESSAGE),
    RECRUITER_MESSAGE(Kind.MESSAGE, "recruiter_name", "message"),
    ASK_ZONE_TYPED(Kind.MESSAGE),
    BAD_ZONE(Kind.MESSAGE),
    NEW_SLOTS(Kind.MESSAGE, "candidate_name"),
    CHANGE_REFUSED(Kind.MESSAGE, "slot_time", "cutoff"),
    ACTION_REFUSED(Kind.TOAST),
    FORGED_BUTTON(Kind.TOAST),

    BUTTON_CONFIRM(Kind.BUTTON),
    BUTTON_DECLINE(Kind.BUTTON),
    BUTTON_PREV(Kind.BUTTON),
    BUTTON_NEXT(Kind.BUTTON),
    BUTTON_REFRESH(Kind.BUTTON),
    BUTTON_OTHER_DAY(Kind.BUTTON),
    BUTTON_JOIN(Kind.BUTTON),
    BUTTON_DAY(Kind.BUTTON, "slot_date", "count"),
    BUTTON_SLOT(Kind.BUTTON, "slot_date", "slot_clock", "slot_duration"),
    BUTTON_ZONE_OTHER(Kind.BUTTON),
    BUTTON_RESCHEDULE(Kind.BUTTON),
    BUTTON_CANCEL(Kind.BUTTON),
    BUTTON_PICK_TIME(Kind.BUTTON),
    STATUS_REQUESTED(Kind.BUTTON),
    STATUS_APPROVED(Kind.BUTTON),
    STATUS_CONFIRMED(Kind.BUTTON);

    /** How a text is shown, which decides its markup and length rules. */
    public enum Kind {
        /** A chat message: Telegram HTML, at most 4,096 characters once rendered. */
        MESSAGE,
        /** An answerCallbackQuery notification: plain text, at most 200 characters. */
        TOAST,
        /** An inline button label: plain text, kept short. */
        BUTTON
    }

    private final Kind kind;
    private final Set<String> placeholders;

    TemplateKey(Kind kind, String... placeholders) {
        this.kind = kind;
        this.placeholders = Set.of(placeholders);
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Kind kind() {
        return kind;
    }

    /** The placeholders this text may use (others are refused at save time). */
    public Set<String> placeholders() {
        return placeholders;
    }

    /** The key of {@code id}, or {@code null}. */
    public static TemplateKey ofId(String id) {
        for (TemplateKey k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        return null;
    }
}
