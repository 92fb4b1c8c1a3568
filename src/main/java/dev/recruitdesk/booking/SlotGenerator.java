package dev.recruitdesk.booking;

import dev.recruitdesk.domain.Slot;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns "weekdays 09:00–18:00, lunch 13:00–14:00, 30 minutes every 45" over a date range into slot drafts, in the
 * recruiter's zone. Wall-clock times are kept across clock changes (09:00 stays 09:00); a time that does not exist
 * on a spring-forward day is left out and counted; an ambiguous autumn time takes the earlier of its two instants.
 */
public final class SlotGenerator {

    /** At most this many days per run: a year, so a typo in the year cannot create thousands of slots. */
    public static final int MAX_DAYS = 366;
    public static final int MIN_STEP = 5;

    /**
     * What to generate. {@code breakStart}/{@code breakEnd} are both null for no break. A slot that would touch
     * the break is skipped and the rhythm restarts at the break's end.
     */
    public record Spec(LocalDate from, LocalDate to, Set<DayOfWeek> weekdays, LocalTime dayStart, LocalTime dayEnd,
                       LocalTime breakStart, LocalTime breakEnd, int slotMinutes, int stepMinutes, String place, ZoneId zone) {
        public Spec {
            Objects.requireNonNull(zone, "zone");
            weekdays = weekdays == null || weekdays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(weekdays));
        }
    }

    /** The drafts, in time order, and how many wall-clock times were skipped because the clock jumped over them. */
    public record Generated(List<SlotDraft> drafts, int skippedClockChange) {
    }

    private SlotGenerator() {
    }

    /** Checks the spec (throwing a {@link RuleViolation} naming the field) and generates. */
    public static Generated generate(Spec spec) {
        validate(spec);
        List<SlotDraft> drafts = new ArrayList<>();
        int skipped = 0;
        int dayStart = minuteOfDay(spec.dayStart());
        int dayEnd = minuteOfDay(spec.dayEnd());
        int breakStart = spec.breakStart() == null ? -1 : minuteOfDay(spec.breakStart());
        int breakEnd = spec.breakEnd() == null ? -1 : minuteOfDay(spec.breakEnd());
        Duration length = Duration.ofMinutes(spec.slotMinutes());
        for (LocalDate day = spec.from(); !day.isAfter(spec.to()); day = day.plusDays(1)) {
            if (!spec.weekdays().contains(day.getDayOfWeek())) {
                continue;
            }
            int t = dayStart;
            while (t + spec.slotMinutes() <= dayEnd) {
                if (breakStart >= 0 && t < breakEnd && t + spec.slotMinutes() > breakStart) {
                    t = Math.max(breakEnd, t + 1);
                    continue;
                }
                LocalDateTime local = day.atStartOfDay().plusMinutes(t);
                List<ZoneOffset> offsets = spec.zone().getRules().getValidOffsets(local);
                if (offsets.isEmpty()) {
                    skipped++;
                } else {
                    drafts.add(new SlotDraft(local.toInstant(offsets.get(0)), length, spec.place()));
                }
                t += spec.stepMinutes();
            }
        }
        return new Generated(drafts, skipped);
    }

    static void validate(Spec spec) {
        if (spec.from() == null) {
            throw new RuleViolation("from", "bulk.error.from");
        }
        if (spec.to() == null || spec.to().isBefore(spec.from())) {
            throw new RuleViolation("to", "bulk.error.to");
        }
        if (ChronoUnit.DAYS.between(spec.from(), spec.to()) >= MAX_DAYS) {
            throw new RuleViolation("to", "bulk.error.range", MAX_DAYS);
        }
        if (spec.weekdays().isEmpty()) {
            throw new RuleViolation("weekdays", "bulk.error.weekdays");
        }
        if (spec.dayStart() == null || spec.dayEnd() == null || !spec.dayEnd().isAfter(spec.dayStart())) {
            throw new RuleViolation("hours", "bulk.error.hours");
        }
        if ((spec.breakStart() == null) != (spec.breakEnd() == null)
                || spec.breakStart() != null && !spec.breakEnd().isAfter(spec.breakStart())) {
            throw new RuleViolation("break", "bulk.error.break");
        }
        if (spec.slotMinutes() < Slot.MIN_MINUTES || spec.slotMinutes() > Slot.MAX_MINUTES) {
            throw new RuleViolation("length", "slot.error.duration", Slot.MIN_MINUTES, Slot.MAX_MINUTES);
        }
        if (spec.stepMinutes() < MIN_STEP || spec.stepMinutes() > 24 * 60) {
            throw new RuleViolation("step", "bulk.error.step", MIN_STEP);
        }
    }

    private static int minuteOfDay(LocalTime t) {
        return t.getHour() * 60 + t.getMinute();
    }
}
