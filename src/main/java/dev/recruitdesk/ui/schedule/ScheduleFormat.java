package dev.recruitdesk.ui.schedule;

import dev.recruitdesk.ui.I18n;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** How the Schedule screen writes dates, times and durations: in the recruiter's zone and the console's language. */
final class ScheduleFormat {

    private final I18n i18n;
    private final ZoneId zone;
    private final DateTimeFormatter time;
    private final DateTimeFormatter dayMonth;
    private final DateTimeFormatter dayMonthYear;
    private final DateTimeFormatter dayTitle;
    private final DateTimeFormatter shortDay;
    private final DateTimeFormatter columnDay;

    ScheduleFormat(I18n i18n, ZoneId zone) {
        Locale locale = i18n.locale();
        this.i18n = i18n;
        this.zone = zone;
        this.time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
        this.dayMonth = DateTimeFormatter.ofPattern("d MMM", locale);
        this.dayMonthYear = DateTimeFormatter.ofPattern("d MMM yyyy", locale);
        this.dayTitle = DateTimeFormatter.ofPattern("EEEE, d MMMM", locale);
        this.shortDay = DateTimeFormatter.ofPattern("EEE d MMM", locale);
        this.columnDay = DateTimeFormatter.ofPattern("EEE d", locale);
    }

    /** "1–7 Dec 2026", "30 Nov – 6 Dec 2026", "28 Dec 2026 – 3 Jan 2027". */
    String week(LocalDate start) {
        LocalDate end = start.plusDays(6);
        if (start.getYear() != end.getYear()) {
            return start.format(dayMonthYear) + " – " + end.format(dayMonthYear);
        }
        if (start.getMonth() != end.getMonth()) {
            return start.format(dayMonth) + " – " + end.format(dayMonthYear);
        }
        return start.getDayOfMonth() + "–" + end.format(dayMonthYear);
    }

    /** "Monday, 1 December", capitalised (Russian day names are lower case). */
    String dayTitle(LocalDate date) {
        return capitalise(date.format(dayTitle));
    }

    /** "Mon 7 Dec", for the calendar's column heads. */
    /** A calendar column's heading, e.g. "Mon 23": the week label above already names the month. */
    String columnDay(LocalDate date) {
        return capitalise(date.format(columnDay));
    }

    String time(Instant instant) {
        return instant.atZone(zone).format(time);
    }

    String time(LocalTime localTime) {
        return localTime.format(time);
    }

    /** "09:00 – 09:30"; an end on another day gets its date. */
    String timeRange(Instant start, Instant end) {
        ZonedDateTime s = start.atZone(zone);
        ZonedDateTime e = end.atZone(zone);
        String endText = s.toLocalDate().equals(e.toLocalDate()) ? e.format(time) : dayAndTime(end);
        return s.format(time) + " – " + endText;
    }

    /** "Tue 2 Dec, 09:00". */
    String dayAndTime(Instant instant) {
        ZonedDateTime t = instant.atZone(zone);
        return capitalise(t.format(shortDay)) + ", " + t.format(time);
    }

    /** "30 min", "1 h", "1 h 30 min". */
    String duration(long minutes) {
        if (minutes < 60) {
            return i18n.tr("schedule.duration.minutes", minutes);
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        return rest == 0 ? i18n.tr("schedule.duration.hours", hours) : i18n.tr("schedule.duration.hoursMinutes", hours, rest);
    }

    private String capitalise(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(i18n.locale()) + text.substring(1);
    }
}
