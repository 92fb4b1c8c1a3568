package dev.recruitdesk.reminders;

import java.time.Instant;

/**
 * A reminder the planner decided not to send, and why, for the log. For {@link Cause#QUIET_HOURS},
 * {@code searchedFrom}–{@code searchedTo} is the useful window that turned out to be quiet throughout; otherwise null.
 */
public record SkippedReminder(ReminderKind kind, String dedupKey, Cause cause, String reason, Instant searchedFrom,
                              Instant searchedTo) {

    public enum Cause {
        /** Switched off in the policy. */
        DISABLED,
        /** The candidate has confirmed: no prompt, no alert. */
        ALREADY_CONFIRMED,
        /** Its useful time is over (the window closed before planning, or it could only come at or after its expiry). */
        EXPIRED,
        /** A later candidate reminder goes out within the cover window and says what it would. */
        COVERED,
        /** Every moment of its useful window is inside the recipient's quiet hours. */
        QUIET_HOURS,
        /** The recruiter alert needs a confirmation prompt before it, and none is planned. */
        NO_PROMPT
    }
}
