/**
 * Reminder policy and the pure planner: which reminders a booking revision gets, when they are due, when they
 * expire, in whose zone quiet hours apply, and how times are shown to each recipient. Imports only {@code domain}
 * and {@code java.*}; no clock of its own (the caller passes {@code now}).
 *
 * <p>How the booking use cases use it, in the transaction of the change:
 * <ul>
 * <li>approve, or reschedule (revision + 1, after {@code Outbox.cancelPendingBeforeRevision}):
 * {@code ReminderPlanner.decide(new PlanInput(...))}, then for each {@link dev.recruitdesk.reminders.PlannedReminder}
 * {@code outbox.enqueue(s, r.dedupKey(), r.kind().keyName(), ..., r.dueAt(), r.expiresAt())}, and log
 * {@code reason()} of each planned and skipped one. Re-planning the same revision yields the same keys, so the
 * outbox refreshes pending rows and leaves sent ones alone.</li>
 * <li>candidate confirms: cancel the pending rows of {@link dev.recruitdesk.reminders.ReminderKind#cancelledOnConfirmation()}
 * (by {@code keyName()}); do not re-plan, or a day-before message that was covered by the now-cancelled prompt
 * would come back at once.</li>
 * <li>the policy: {@code booking.ReminderPolicyService.load(session)}; a changed policy applies to bookings planned
 * after the change.</li>
 * </ul>
 */
package dev.recruitdesk.reminders;
