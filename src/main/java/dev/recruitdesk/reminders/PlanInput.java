package dev.recruitdesk.reminders;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Everything the planner needs about one booking revision, and the moment of planning ({@code now}, from the
 * caller's {@code Clock}).
 */
public record PlanInput(long bookingId, int revision, Instant slotStart, Instant slotEnd, ZoneId candidateZone,
                        ZoneId recruiterZone, boolean candidateConfirmed, ReminderPolicy policy, Instant now) {

    public PlanInput {
        Objects.requireNonNull(slotStart, "slotStart");
        Objects.requireNonNull(slotEnd, "slotEnd");
        Objects.requireNonNull(candidateZone, "candidateZone");
        Objects.requireNonNull(recruiterZone, "recruiterZone");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(now, "now");
        if (bookingId <= 0) {
            throw new IllegalArgumentException("bookingId must be positive, got " + bookingId);
        }
        if (revision < 1) {
            throw new IllegalArgumentException("revision starts at 1, got " + revision);
        }
        if (!slotEnd.isAfter(slotStart)) {
            throw new IllegalArgumentException("slot ends " + slotEnd + " before it starts " + slotStart);
        }
    }

    public ZoneId zoneOf(Recipient recipient) {
        return recipient == Recipient.CANDIDATE ? candidateZone : recruiterZone;
    }
}
