package dev.recruitdesk.telegram;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.recruitdesk.domain.Language;
import dev.recruitdesk.telegram.CallbackCodec.Action;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Inline keyboards as Bot API {@code reply_markup} JSON (what the outbox stores), every callback button signed by
 * the {@link CallbackCodec}, every label from the templates in the recipient's language and times in their zone.
 */
public final class Keyboards {

    public static final int TIMES_PER_PAGE = 12;
    public static final int DAYS_PER_PAGE = 7;
    private static final int TIMES_PER_ROW = 2;

    /** A free slot as the time list shows it. */
    public record SlotChoice(long slotId, Instant start, Duration duration) {
        public SlotChoice {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(duration, "duration");
        }
    }

    /** A day with free slots, as a date in the candidate's zone. */
    public record DayChoice(LocalDate date, int freeSlots) {
        public DayChoice {
            Objects.requireNonNull(date, "date");
        }
    }

    private final CallbackCodec codec;
    private final MessageRenderer renderer;

    public Keyboards(CallbackCodec codec, MessageRenderer renderer) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    /** «✅ Подтверждаю» / «❌ Не смогу» for one booking revision. */
    public String confirmDecline(long bookingId, int revision, Language language) {
        JsonArray row = new JsonArray();
        row.add(button(label(TemplateKey.BUTTON_CONFIRM, language), Action.CONFIRM, bookingId, revision));
        row.add(button(label(TemplateKey.BUTTON_DECLINE, language), Action.DECLINE, bookingId, revision));
        return markup(rows(row));
    }

    /** The city buttons (two per row; target = index in {@code cityNames}) and "other zone" (target = its size). */
    public String zoneList(List<String> cityNames, Language language) {
        JsonArray rows = new JsonArray();
        JsonArray row = new JsonArray();
        for (int i = 0; i < cityNames.size(); i++) {
            row.add(button(cityNames.get(i), Action.ZONE, i, 0));
            if (row.size() == 2) {
                rows.add(row);
                row = new JsonArray();
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        rows.add(single(button(label(TemplateKey.BUTTON_ZONE_OTHER, language), Action.ZONE, cityNames.size(), 0)));
        return markup(rows);
    }

    /** "Another time" / "Cancel" under /my, for one booking revision. */
    public String myBooking(long bookingId, int revision, Language language) {
        JsonArray row = new JsonArray();
        row.add(button(label(TemplateKey.BUTTON_RESCHEDULE, language), Action.RESCHEDULE, bookingId, revision));
        row.add(button(label(TemplateKey.BUTTON_CANCEL, language), Action.CANCEL, bookingId, revision));
        return markup(rows(row));
    }

    /** One button opening the list of days. */
    public String pickTime(Language language) {
        return markup(rows(single(button(label(TemplateKey.BUTTON_PICK_TIME, language), Action.DAYS, 0, 0))));
    }

    /** One URL button opening the meeting link. */
    public String joinLink(String url, Language language) {
        JsonObject button = new JsonObject();
        button.addProperty("text", label(TemplateKey.BUTTON_JOIN, language));
        button.addProperty("url", Objects.requireNonNull(url, "url"));
        JsonArray row = new JsonArray();
        row.add(button);
        return markup(rows(row));
    }

    /** Days with free slots, {@value #DAYS_PER_PAGE} per page, one per row, with paging buttons. */
    public String dayList(List<DayChoice> days, int page, Language language) {
        List<DayChoice> sorted = days.stream().sorted(Comparator.comparing(DayChoice::date)).toList();
        int pages = Math.max(1, (sorted.size() + DAYS_PER_PAGE - 1) / DAYS_PER_PAGE);
        int p = Math.max(0, Math.min(page, pages - 1));
        JsonArray rows = new JsonArray();
        for (DayChoice day : sorted.subList(p * DAYS_PER_PAGE, Math.min(sorted.size(), (p + 1) * DAYS_PER_PAGE))) {
            String text = renderer.plain(TemplateKey.BUTTON_DAY, language,
                    Map.of("slot_date", dayLabel(day.date(), language), "count", Integer.toString(day.freeSlots())));
            rows.add(single(button(text, Action.DAY, day.date().toEpochDay(), 0)));
        }
        JsonArray nav = new JsonArray();
        if (p > 0) {
            nav.add(button(label(TemplateKey.BUTTON_PREV, language), Action.DAYS, p - 1, 0));
        }
        nav.add(button(label(TemplateKey.BUTTON_REFRESH, language), Action.DAYS, p, 0));
        if (p < pages - 1) {
            nav.add(button(label(TemplateKey.BUTTON_NEXT, language), Action.DAYS, p + 1, 0));
        }
        rows.add(nav);
        return markup(rows);
    }

    /**
     * The free times of {@code day}, at most {@value #TIMES_PER_PAGE} per screen, labelled like
     * {@code 12 дек • 14:30 • 30 мин} in {@code zone}; then back/refresh/next and "another day". A page past the end
     * (slots were taken meanwhile) shows the last page.
     */
    public String timeList(LocalDate day, List<SlotChoice> slots, int page, ZoneId zone, Language language) {
        List<SlotChoice> sorted = slots.stream().sorted(Comparator.comparing(SlotChoice::start)).toList();
        int pages = Math.max(1, (sorted.size() + TIMES_PER_PAGE - 1) / TIMES_PER_PAGE);
        int p = Math.max(0, Math.min(page, pages - 1));
        long epochDay = day.toEpochDay();
        JsonArray rows = new JsonArray();
        JsonArray row = new JsonArray();
        for (SlotChoice slot : sorted.subList(p * TIMES_PER_PAGE, Math.min(sorted.size(), (p + 1) * TIMES_PER_PAGE))) {
            row.add(button(slotLabel(slot, zone, language), Action.PICK, slot.slotId(), p));
            if (row.size() == TIMES_PER_ROW) {
                rows.add(row);
                row = new JsonArray();
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        JsonArray nav = new JsonArray();
        if (p > 0) {
            nav.add(button(label(TemplateKey.BUTTON_PREV, language), Action.DAY, epochDay, p - 1));
        }
        nav.add(button(label(TemplateKey.BUTTON_REFRESH, language), Action.DAY, epochDay, p));
        if (p < pages - 1) {
            nav.add(button(label(TemplateKey.BUTTON_NEXT, language), Action.DAY, epochDay, p + 1));
        }
        rows.add(nav);
        rows.add(single(button(label(TemplateKey.BUTTON_OTHER_DAY, language), Action.DAYS, 0, 0)));
        return markup(rows);
    }

    /** {@code 12 дек • 14:30 • 30 мин}: the slot's start in {@code zone}. */
    public String slotLabel(SlotChoice slot, ZoneId zone, Language language) {
        ZonedDateTime start = slot.start().atZone(zone);
        return renderer.plain(TemplateKey.BUTTON_SLOT, language, Map.of(
                "slot_date", shortDate(start.toLocalDate(), language),
                "slot_clock", start.format(DateTimeFormatter.ofPattern("HH:mm")),
                "slot_duration", duration(slot.duration(), language)));
    }

    /** {@code 12 дек} / {@code 12 Dec}. */
    public static String shortDate(LocalDate date, Language language) {
        return stripDot(date.format(DateTimeFormatter.ofPattern("d MMM", language.locale())));
    }

    /** {@code пт, 12 дек} / {@code Fri, 12 Dec}. */
    public static String dayLabel(LocalDate date, Language language) {
        return stripDot(date.format(DateTimeFormatter.ofPattern("EE", language.locale()))) + ", " + shortDate(date, language);
    }

    /** {@code 30 мин} / {@code 30 min}. */
    public static String duration(Duration duration, Language language) {
        return duration.toMinutes() + (language == Language.RU ? " мин" : " min");
    }

    private static String stripDot(String s) {
        return s.replace(".", "");
    }

    private String label(TemplateKey key, Language language) {
        return renderer.plain(key, language, Map.of());
    }

    private JsonObject button(String text, Action action, long target, long arg) {
        JsonObject button = new JsonObject();
        button.addProperty("text", text);
        button.addProperty("callback_data", codec.encode(action, target, arg));
        return button;
    }

    private static JsonArray single(JsonObject button) {
        JsonArray row = new JsonArray();
        row.add(button);
        return row;
    }

    private static JsonArray rows(JsonArray... rows) {
        JsonArray all = new JsonArray();
        for (JsonArray r : rows) {
            all.add(r);
        }
        return all;
    }

    private static String markup(JsonArray rows) {
        JsonObject markup = new JsonObject();
        markup.add("inline_keyboard", rows);
        return markup.toString();
    }
}
