package dev.recruitdesk.ui;

import dev.recruitdesk.accounts.AccessDenied;
import dev.recruitdesk.booking.BookingRow;
import dev.recruitdesk.booking.ConcurrentChange;
import dev.recruitdesk.booking.RuleViolation;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.BookingStatus;
import dev.recruitdesk.reminders.TimeText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * How the Requests, Bookings and Candidates screens write times and states: the recruiter's zone and language
 * first, the candidate's own time with its zone named next to it.
 */
public final class BookingFormat {

    private final I18n i18n;
    private final ZoneId zone;
    private final Clock clock;
    private final DateTimeFormatter time;
    private final DateTimeFormatter day;
    private final DateTimeFormatter dayYear;

    public BookingFormat(I18n i18n, ZoneId zone, Clock clock) {
        Locale locale = i18n.locale();
        this.i18n = i18n;
        this.zone = zone;
        this.clock = clock;
        this.time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
        this.day = DateTimeFormatter.ofPattern("EEE d MMM", locale);
        this.dayYear = DateTimeFormatter.ofPattern("d MMM yyyy", locale);
    }

    public ZoneId zone() {
        return zone;
    }

    /** "Tue 8 Dec, 10:00 – 10:30" in the recruiter's zone. */
    public String when(Instant start, Instant end) {
        ZonedDateTime s = start.atZone(zone);
        return capitalise(s.format(day)) + ", " + s.format(time) + " – " + end.atZone(zone).format(time);
    }

    /** "Tue 8 Dec, 10:00". */
    public String dayAndTime(Instant instant) {
        ZonedDateTime t = instant.atZone(zone);
        return capitalise(t.format(day)) + ", " + t.format(time);
    }

    /** "8 Dec 2026, 10:00": timeline lines, where the year may differ. */
    public String stamp(Instant instant) {
        ZonedDateTime t = instant.atZone(zone);
        return t.format(dayYear) + ", " + t.format(time);
    }

    /** The recruiter's zone named, e.g. "Moscow, UTC+3". */
    public String zoneName(Instant at) {
        return TimeText.zoneLabel(zone, at, i18n.locale());
    }

    /** "Candidate's time: 8 Dec, 14:00 (Novosibirsk, UTC+7)". */
    public String candidateTime(BookingRow row) {
        return i18n.tr("people.candidateTime", TimeText.format(row.start(), row.candidateZone(), i18n.locale()));
    }

    /** "just now", "12 min ago", "3 h ago", "2 days ago". */
    public String ago(Instant then, Instant now) {
        long minutes = Math.max(0, Duration.between(then, now).toMinutes());
        if (minutes < 1) {
            return i18n.tr("people.ago.now");
        }
        if (minutes < 60) {
            return i18n.tr("people.ago.minutes", minutes);
        }
        if (minutes < 48 * 60) {
            return i18n.tr("people.ago.hours", minutes / 60);
        }
        return i18n.tr("people.ago.days", minutes / (24 * 60));
    }

    /** "in 40 min", "in 3 h", "started". */
    public String startsIn(Instant start, Instant now) {
        long minutes = Duration.between(now, start).toMinutes();
        if (minutes < 0) {
            return i18n.tr("people.startsIn.started");
        }
        if (minutes < 60) {
            return i18n.tr("people.startsIn.minutes", Math.max(1, minutes));
        }
        return i18n.tr("people.startsIn.hours", minutes / 60);
    }

    public String status(BookingStatus status) {
        return i18n.tr(keyOf("people.status.", status));
    }

    /**
     * The message key of an enum value under {@code prefix}, e.g. {@code people.status.no_show}: every value of
     * these enums has its key in both bundles (checked by hand; the completeness test sees only literal keys).
     */
    public static String keyOf(String prefix, Enum<?> value) {
        return prefix + value.name().toLowerCase(Locale.ROOT);
    }

    /** The style class of a status badge, e.g. {@code status-confirmed}. */
    public static String statusStyle(BookingStatus status) {
        return "status-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String actor(Actor actor) {
        return i18n.tr(keyOf("people.actor.", actor));
    }

    /** A failed action in words: a rule violation's own message, anything else as "something went wrong". */
    public String problem(Throwable failure) {
        if (failure instanceof RuleViolation v) {
            Object[] args = v.args();
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof BookingStatus st) {
                    args[i] = status(st);
                } else if (args[i] instanceof Instant instant) {
                    args[i] = dayAndTime(instant);
                }
            }
            return i18n.tr(v.messageKey(), args);
        }
        if (failure instanceof ConcurrentChange c) {
            return conflict(c);
        }
        if (failure instanceof AccessDenied d) {
            return i18n.tr(d.messageKey(), d.args());
        }
        return i18n.tr("people.error.unexpected", String.valueOf(failure.getMessage()));
    }

    /**
     * "Recruiter: Boris" on a row of another recruiter's (only an admin's lists hold those), empty on the caller's
     * own rows: an admin's list mixing recruiters says whose each row is.
     */
    public String owner(BookingRow row, long callersRecruiterId) {
        return row.recruiterId() == callersRecruiterId ? "" : i18n.tr("people.forRecruiter", row.recruiterName());
    }

    /** "Not done: Anna changed this a moment ago. It is shown as it is now." */
    public String conflict(ConcurrentChange c) {
        String who = switch (c.actor()) {
            case CANDIDATE -> i18n.tr("conflict.candidate");
            case SYSTEM -> i18n.tr("conflict.system");
            case RECRUITER -> c.changedBy() == null ? i18n.tr("conflict.someone") : c.changedBy();
        };
        Instant now = clock.instant();
        String when = c.at() == null || Duration.between(c.at(), now).toMinutes() < 1 ? i18n.tr("conflict.momentAgo") : ago(c.at(), now);
        return i18n.tr("conflict.changedBy", who, when);
    }

    private String capitalise(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(i18n.locale()) + text.substring(1);
    }
}
