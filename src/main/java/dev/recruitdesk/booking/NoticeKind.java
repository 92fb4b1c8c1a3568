package dev.recruitdesk.booking;

/** Every message a booking use case sends a candidate; the bot decides the words (editable templates). */
public enum NoticeKind {
    APPROVED,
    REJECTED,
    RESCHEDULED,
    CANCELLED,
    CONFIRMED_THANKS,
    DECLINED,
    REMINDER_DAY_BEFORE,
    REMINDER_CONFIRM_2H,
    REMINDER_STARTING_SOON;

    /** The outbox kind and dedup-key prefix, e.g. {@code approved}. */
    public String keyName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
