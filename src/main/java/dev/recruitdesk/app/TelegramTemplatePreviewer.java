package dev.recruitdesk.app;

import dev.recruitdesk.domain.Language;
import dev.recruitdesk.reminders.TimeText;
import dev.recruitdesk.telegram.Keyboards;
import dev.recruitdesk.telegram.MessageRenderer;
import dev.recruitdesk.telegram.TemplateKey;
import dev.recruitdesk.ui.templates.TemplatePreviewer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Template previews over the Telegram renderer: a sample booking tomorrow at 15:00 in the sample candidate's zone,
 * rendered exactly as the bot renders it, with the buttons the bot attaches to that message.
 */
public final class TelegramTemplatePreviewer implements TemplatePreviewer {

    private static final ZoneId RU_ZONE = ZoneId.of("Asia/Novosibirsk");
    private static final ZoneId EN_ZONE = ZoneId.of("Europe/London");

    private final MessageRenderer renderer;
    private final Clock clock;
    private final Supplier<String> recruiterName;

    public TelegramTemplatePreviewer(MessageRenderer renderer, Clock clock, Supplier<String> recruiterName) {
        this.renderer = renderer;
        this.clock = clock;
        this.recruiterName = recruiterName;
    }

    @Override
    public Kind kind(String key) {
        return switch (keyOf(key).kind()) {
            case MESSAGE -> Kind.MESSAGE;
            case BUTTON -> Kind.BUTTON;
            case TOAST -> Kind.TOAST;
        };
    }

    @Override
    public List<String> placeholders(String key) {
        return List.copyOf(new TreeSet<>(keyOf(key).placeholders()));
    }

    @Override
    public Preview preview(String key, Language language, String draft) {
        TemplateKey k = keyOf(key);
        String text = renderer.preview(k, draft, sample(language));
        List<List<String>> buttons = switch (k) {
            case REMINDER_DAY_BEFORE, REMINDER_CONFIRM_2H -> List.of(List.of(
                    renderer.label(TemplateKey.BUTTON_CONFIRM, language), renderer.label(TemplateKey.BUTTON_DECLINE, language)));
            case REMINDER_STARTING_SOON -> List.of(List.of(renderer.label(TemplateKey.BUTTON_JOIN, language)));
            default -> List.of();
        };
        return new Preview(text, k.kind() == TemplateKey.Kind.MESSAGE, buttons);
    }

    private Map<String, String> sample(Language language) {
        boolean ru = language == Language.RU;
        ZoneId zone = ru ? RU_ZONE : EN_ZONE;
        Instant start = LocalDate.ofInstant(clock.instant(), zone).plusDays(1).atTime(LocalTime.of(15, 0)).atZone(zone).toInstant();
        Map<String, String> v = new HashMap<>();
        v.put("candidate_name", ru ? "Иван Петров" : "Ivan Petrov");
        v.put("recruiter_name", recruiterName.get());
        v.put("slot_time", TimeText.format(start, zone, language.locale()));
        v.put("slot_date", Keyboards.shortDate(LocalDate.ofInstant(start, zone), language));
        v.put("slot_clock", "15:00");
        v.put("slot_duration", Keyboards.duration(Duration.ofMinutes(30), language));
        v.put("zone", TimeText.zoneLabel(zone, start, language.locale()));
        v.put("place", "");
        v.put("join_link", "https://meet.example.com/rd-interview");
        v.put("reason", ru ? "Вакансия закрыта" : "The position has been filled");
        v.put("message", ru ? "Возьмите, пожалуйста, паспорт." : "Please bring your passport.");
        v.put("status", ru ? "подтверждено" : "confirmed");
        v.put("max_length", "1000");
        v.put("count", "4");
        return v;
    }

    private static TemplateKey keyOf(String key) {
        TemplateKey k = TemplateKey.ofId(key);
        if (k == null) {
            throw new IllegalArgumentException("No template key " + key);
        }
        return k;
    }
}
