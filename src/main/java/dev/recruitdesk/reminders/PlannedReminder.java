package dev.recruitdesk.reminders;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One reminder to enqueue: the outbox row's key, kind ({@link ReminderKind#keyName()}), due time and expiry.
 * {@code withConfirmButtons} tells the renderer to attach ✅/❌; {@code zone} is the recipient's, for rendering.
 * {@code intendedAt} is when it would have gone without quiet hours; {@link #reason()} explains both for the log
 * (built on demand: planning thousands of bookings should not format text nobody reads).
 */
public record PlannedReminder(ReminderKind kind, Recipient recipient, String dedupKey, Instant dueAt, Instant expiresAt,
                              boolean withConfirmButtons, Timing timing, Instant intendedAt, ZoneId zone) {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Why it is intended for {@code intendedAt}. */
    public enum Timing {
        /** Its offset before the start. */
        ON_TIME,
        /** Its time had passed when planned (approved inside its window): now. */
        AT_ONCE,
        /** The recruiter alert, held back until the candidate had time to answer the last prompt. */
        AFTER_ANSWER_TIME
    }

    /** True when quiet hours moved it away from {@code intendedAt}. */
    public boolean movedForQuietHours() {
        return !dueAt.equals(intendedAt);
    }

    /** For the log, e.g. {@code on time; quiet hours in Asia/Novosibirsk: intended 2026-12-11 22:30, moved earlier to 2026-12-11 21:59}. */
    public String reason() {
        String base = switch (timing) {
            case ON_TIME -> "on time";
            case AT_ONCE -> "at once: its time had passed when planned";
            case AFTER_ANSWER_TIME -> "after the candidate's time to answer";
        };
        if (!movedForQuietHours()) {
            return base;
        }
        return base + "; quiet hours in " + zone.getId() + ": intended " + LOCAL.format(intendedAt.atZone(zone)) + ", moved "
                + (dueAt.isBefore(intendedAt) ? "earlier" : "later") + " to " + LOCAL.format(dueAt.atZone(zone));
    }
}
