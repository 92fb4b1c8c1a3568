package dev.recruitdesk.reminders;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * A daily quiet period [start, end) in local wall-clock time: {@code start} is quiet, {@code end} is not. It wraps
 * midnight when start is after end (22:00–08:00). Instants are mapped to wall-clock time through the zone's rules, so
 * a night on which the clocks change is an hour shorter or longer, and a boundary that falls into a skipped hour
 * takes effect at the transition.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    /** Longer nights leave too little daytime for reminders to land in. */
    public static final Duration MAX_LENGTH = Duration.ofHours(16);
    public static final QuietHours DEFAULT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0));

    /** Transitions crossed while walking one quiet run; real zones cross at most two. */
    private static final int MAX_TRANSITIONS = 8;

    public QuietHours {
        if (start == null || end == null) {
            throw new InvalidInputException("quietHours", "reminders.error.quietMissing", "Quiet hours need a start and an end");
        }
        if (start.getSecond() != 0 || start.getNano() != 0 || end.getSecond() != 0 || end.getNano() != 0) {
            throw new InvalidInputException("quietHours", "reminders.error.quietMinutes",
                    "Quiet hours are whole minutes, got " + start + "–" + end, start, end);
        }
        if (start.equals(end)) {
            throw new InvalidInputException("quietHours", "reminders.error.quietEmpty",
                    "Quiet hours start and end at the same time (" + start + "); switch them off instead", start);
        }
        Duration length = lengthOf(start, end);
        if (length.compareTo(MAX_LENGTH) > 0) {
            throw new InvalidInputException("quietHours", "reminders.error.quietTooLong",
                    "Quiet hours " + start + "–" + end + " last " + length.toHours() + " h; at most " + MAX_LENGTH.toHours()
                            + " h are allowed (were start and end swapped?)", start, end, MAX_LENGTH.toHours());
        }
    }

    public static QuietHours of(int startHour, int startMinute, int endHour, int endMinute) {
        return new QuietHours(LocalTime.of(startHour, startMinute), LocalTime.of(endHour, endMinute));
    }

    /** Wall-clock length of one quiet night. */
    public Duration length() {
        return lengthOf(start, end);
    }

    private static Duration lengthOf(LocalTime start, LocalTime end) {
        Duration d = Duration.between(start, end);
        return d.isNegative() ? d.plusDays(1) : d;
    }

    public boolean wrapsMidnight() {
        return start.isAfter(end);
    }

    public boolean contains(LocalTime time) {
        return wrapsMidnight()
                ? !time.isBefore(start) || time.isBefore(end)
                : !time.isBefore(start) && time.isBefore(end);
    }

    public boolean isQuiet(Instant instant, ZoneId zone) {
        return contains(LocalTime.ofInstant(instant, zone));
    }

    /**
     * The first instant not before {@code quiet} that is outside quiet hours: where the quiet run containing
     * {@code quiet} ends. {@code quiet} itself must be quiet. Null only for pathological zone rules.
     */
    public Instant runEnd(Instant quiet, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        Instant cur = quiet;
        for (int i = 0; i < MAX_TRANSITIONS; i++) {
            ZoneOffset offset = rules.getOffset(cur);
            LocalDateTime local = LocalDateTime.ofInstant(cur, offset);
            LocalDate day = local.toLocalTime().isBefore(end) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
            Instant candidate = LocalDateTime.of(day, end).toInstant(offset);
            ZoneOffsetTransition next = rules.nextTransition(cur);
            if (next == null || candidate.isBefore(next.getInstant())) {
                return candidate;
            }
            cur = next.getInstant();
            if (!isQuiet(cur, zone)) {
                return cur;
            }
        }
        return null;
    }

    /**
     * The earliest instant from which quiet hours last without a break up to {@code quiet}: where the quiet run
     * containing {@code quiet} began. {@code quiet} itself must be quiet. Null only for pathological zone rules.
     */
    public Instant runStart(Instant quiet, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        Instant cur = quiet;
        for (int i = 0; i < MAX_TRANSITIONS; i++) {
            ZoneOffset offset = rules.getOffset(cur);
            LocalDateTime local = LocalDateTime.ofInstant(cur, offset);
            LocalDate day = local.toLocalTime().isBefore(start) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
            Instant candidate = LocalDateTime.of(day, start).toInstant(offset);
            ZoneOffsetTransition previous = rules.previousTransition(cur.plusNanos(1));
            if (previous == null || !candidate.isBefore(previous.getInstant())) {
                return candidate;
            }
            Instant beforeTransition = previous.getInstant().minusNanos(1);
            if (!isQuiet(beforeTransition, zone)) {
                return previous.getInstant();
            }
            cur = beforeTransition;
        }
        return null;
    }

    @Override
    public String toString() {
        return start + "–" + end;
    }

    /** Minutes after local midnight, as stored. */
    public int startMinute() {
        return start.getHour() * 60 + start.getMinute();
    }

    public int endMinute() {
        return end.getHour() * 60 + end.getMinute();
    }

    public static QuietHours ofMinutes(int startMinute, int endMinute) {
        return new QuietHours(minuteOfDay(startMinute), minuteOfDay(endMinute));
    }

    private static LocalTime minuteOfDay(int minute) {
        if (minute < 0 || minute >= 24 * 60) {
            throw new InvalidInputException("quietHours", "reminders.error.quietMinutes",
                    "A time of day is 0..1439 minutes after midnight, got " + minute, minute);
        }
        return LocalTime.of(minute / 60, minute % 60);
    }
}
