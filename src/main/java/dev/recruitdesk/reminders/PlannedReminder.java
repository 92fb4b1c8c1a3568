package dev.recruitdesk.reminders;

import java.time.Instant;

/**
 * One reminder to enqueue: the outbox row's key, kind ({@link ReminderKind#keyName()}), due time and expiry.
 * {@code withConfirmButtons} tells the renderer to attach ✅/❌; {@code reason} is for the log line.
 */
public record PlannedReminder(ReminderKind kind, Recipient recipient, String dedupKey, Instant dueAt, Instant expiresAt,
                              boolean withConfirmButtons, String reason) {
}
