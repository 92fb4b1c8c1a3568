package dev.recruitdesk.booking;

import dev.recruitdesk.domain.Slot;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads slots from CSV: {@code date,time,duration,place_or_link}. The header is optional; the separator is
 * {@code ;} when the first line has one outside quotes, else {@code ,}; fields may be quoted ({@code "a, b"},
 * {@code ""} for a quote); UTF-8 with or without BOM. Dates as {@code 2026-12-07} or {@code 07.12.2026}, times as
 * {@code 9:30} or {@code 09:30} in the recruiter's zone, duration in minutes. Every problem is reported with its
 * line number; nothing is created unless there are none.
 */
public final class SlotCsv {

    /** A good line: its number in the file (from 1) and the slot it describes. */
    public record Line(int number, SlotDraft draft) {
    }

    /** A bad line: its number and a message key of the console's bundle with arguments (instants stay instants). */
    public record LineError(int line, String messageKey, List<Object> args) {
        LineError(int line, String messageKey, Object... args) {
            this(line, messageKey, List.of(args));
        }
    }

    /** What a file gives: the slots and the errors, both by line. */
    public record Result(List<Line> slots, List<LineError> errors) {
        public boolean ok() {
            return errors.isEmpty() && !slots.isEmpty();
        }

        public List<SlotDraft> drafts() {
            return slots.stream().map(Line::draft).toList();
        }
    }

    private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:.](\\d{2})");
    private static final Pattern MINUTES = Pattern.compile("(\\d{1,4})\\s*(m|min|мин|м)?\\.?", Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final int MAX_PLACE = 500;

    private SlotCsv() {
    }

    /** Parses and checks against the recruiter's open slots and the clock: the whole verdict on a file. */
    public static Result read(String text, ZoneId zone, String defaultPlace, List<SlotBatch.Busy> existing, Instant now) {
        return check(parse(text, zone, defaultPlace), existing, now);
    }

    /** Parses the text; a line with an empty place gets {@code defaultPlace}. */
    public static Result parse(String text, ZoneId zone, String defaultPlace) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Line> slots = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        Character separator = null;
        boolean first = true;
        String[] lines = body.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String raw = lines[i];
            if (raw.isBlank()) {
                continue;
            }
            if (separator == null) {
                separator = hasOutsideQuotes(raw, ';') ? ';' : ',';
            }
            List<String> fields = split(raw, separator);
            if (fields == null) {
                errors.add(new LineError(number, "csv.error.quote"));
                first = false;
                continue;
            }
            if (first && fields.get(0).strip().toLowerCase(Locale.ROOT).matches("date|дата")) {
                first = false;
                continue;
            }
            first = false;
            if (fields.size() < 3 || fields.size() > 4) {
                errors.add(new LineError(number, fields.size() < 3 ? "csv.error.fewFields" : "csv.error.manyFields", String.valueOf(separator)));
                continue;
            }
            LocalDate date = parseDate(fields.get(0).strip());
            if (date == null) {
                errors.add(new LineError(number, "csv.error.date", fields.get(0).strip()));
                continue;
            }
            LocalTime time = parseTime(fields.get(1).strip());
            if (time == null) {
                errors.add(new LineError(number, "csv.error.time", fields.get(1).strip()));
                continue;
            }
            Integer minutes = parseMinutes(fields.get(2).strip());
            if (minutes == null) {
                errors.add(new LineError(number, "csv.error.duration", fields.get(2).strip(), Slot.MIN_MINUTES, Slot.MAX_MINUTES));
                continue;
            }
            String place = fields.size() == 4 ? fields.get(3).strip() : "";
            if (place.length() > MAX_PLACE) {
                errors.add(new LineError(number, "csv.error.place", MAX_PLACE));
                continue;
            }
            LocalDateTime local = date.atTime(time);
            List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
            if (offsets.isEmpty()) {
                errors.add(new LineError(number, "csv.error.noSuchTime", fields.get(1).strip(), zone.getId()));
                continue;
            }
            slots.add(new Line(number, new SlotDraft(local.toInstant(offsets.get(0)), Duration.ofMinutes(minutes),
                    place.isEmpty() ? defaultPlace : place)));
        }
        if (slots.isEmpty() && errors.isEmpty()) {
            errors.add(new LineError(0, "csv.error.empty"));
        }
        return new Result(List.copyOf(slots), List.copyOf(errors));
    }

    /** Adds the errors of lines in the past or overlapping an open slot or another line; errors sorted by line. */
    public static Result check(Result parsed, List<SlotBatch.Busy> existing, Instant now) {
        List<SlotBatch.Verdict> verdicts = SlotBatch.check(parsed.drafts(), existing, now);
        List<LineError> errors = new ArrayList<>(parsed.errors());
        List<Line> good = new ArrayList<>();
        for (int i = 0; i < verdicts.size(); i++) {
            SlotBatch.Verdict v = verdicts.get(i);
            int number = parsed.slots().get(i).number();
            if (v.ok()) {
                good.add(parsed.slots().get(i));
                continue;
            }
            errors.add(switch (v.problem()) {
                case PAST -> new LineError(number, "csv.error.past");
                case OVERLAPS_EXISTING -> new LineError(number, "csv.error.overlap", v.clash().start(), v.clash().end());
                case OVERLAPS_BATCH -> new LineError(number, "csv.error.overlapLine", parsed.slots().get(v.clashIndex()).number());
            });
        }
        errors.sort(Comparator.comparingInt(LineError::line));
        return new Result(List.copyOf(good), List.copyOf(errors));
    }

    static LocalDate parseDate(String text) {
        for (DateTimeFormatter f : new DateTimeFormatter[] {ISO, DOTTED}) {
            try {
                return LocalDate.parse(text, f);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return null;
    }

    static LocalTime parseTime(String text) {
        Matcher m = TIME.matcher(text);
        if (!m.matches()) {
            return null;
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = Integer.parseInt(m.group(2));
        return hour < 24 && minute < 60 ? LocalTime.of(hour, minute) : null;
    }

    static Integer parseMinutes(String text) {
        Matcher m = MINUTES.matcher(text);
        if (!m.matches()) {
            return null;
        }
        int minutes = Integer.parseInt(m.group(1));
        return minutes >= Slot.MIN_MINUTES && minutes <= Slot.MAX_MINUTES ? minutes : null;
    }

    private static boolean hasOutsideQuotes(String line, char c) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == c && !quoted) {
                return true;
            }
        }
        return false;
    }

    /** The fields of one line; null when a quote is not closed. */
    static List<String> split(String line, char separator) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
            } else if (ch == separator) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(field.toString());
        return fields;
    }
}
