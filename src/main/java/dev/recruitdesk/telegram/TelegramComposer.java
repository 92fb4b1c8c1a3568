package dev.recruitdesk.telegram;

import dev.recruitdesk.booking.MessageComposer;
import dev.recruitdesk.booking.Notice;
import dev.recruitdesk.booking.NoticeKind;
import dev.recruitdesk.delivery.OutgoingMessage;
import dev.recruitdesk.reminders.TimeText;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the booking use cases' notices into Telegram messages: the editable template of each kind, the time in
 * the candidate's own zone with its name, and signed ✅/❌ buttons where the notice asks for them.
 */
public final class TelegramComposer implements MessageComposer {

    private static final Map<NoticeKind, TemplateKey> TEMPLATES = new EnumMap<>(NoticeKind.class);

    static {
        TEMPLATES.put(NoticeKind.APPROVED, TemplateKey.APPROVED);
        TEMPLATES.put(NoticeKind.REJECTED, TemplateKey.REJECTED);
        TEMPLATES.put(NoticeKind.RESCHEDULED, TemplateKey.RESCHEDULED);
        TEMPLATES.put(NoticeKind.CANCELLED, TemplateKey.CANCELLED);
        TEMPLATES.put(NoticeKind.CONFIRMED_THANKS, TemplateKey.CONFIRMED_THANKS);
        TEMPLATES.put(NoticeKind.DECLINED, TemplateKey.DECLINED);
        TEMPLATES.put(NoticeKind.REMINDER_DAY_BEFORE, TemplateKey.REMINDER_DAY_BEFORE);
        TEMPLATES.put(NoticeKind.REMINDER_CONFIRM_2H, TemplateKey.REMINDER_CONFIRM_2H);
        TEMPLATES.put(NoticeKind.REMINDER_STARTING_SOON, TemplateKey.REMINDER_STARTING_SOON);
    }

    private final MessageRenderer renderer;
    private final Keyboards keyboards;

    public TelegramComposer(MessageRenderer renderer, Keyboards keyboards) {
        this.renderer = Objects.requireNonNull(renderer);
        this.keyboards = Objects.requireNonNull(keyboards);
    }

    @Override
    public OutgoingMessage compose(Notice n) {
        TemplateKey key = Objects.requireNonNull(TEMPLATES.get(n.kind()), () -> "No template for " + n.kind());
        String link = isLink(n.place()) ? n.place().strip() : null;
        Map<String, String> values = new HashMap<>();
        values.put("candidate_name", n.candidateName());
        values.put("recruiter_name", n.recruiterName());
        values.put("slot_time", TimeText.format(n.start(), n.zone(), n.language().locale()));
        values.put("slot_duration", Keyboards.duration(Duration.between(n.start(), n.end()), n.language()));
        values.put("place", link == null ? nullToEmpty(n.place()) : "");
        values.put("join_link", link == null ? "" : link);
        values.put("reason", nullToEmpty(n.note()));
        String markup = null;
        if (n.withConfirmButtons()) {
            markup = keyboards.confirmDecline(n.bookingId(), n.revision(), n.language());
        } else if (n.kind() == NoticeKind.REMINDER_STARTING_SOON && link != null) {
            markup = keyboards.joinLink(link, n.language());
        }
        return renderer.message(n.chatId(), key, n.language(), values, markup);
    }

    static boolean isLink(String place) {
        return place != null && (place.strip().startsWith("https://") || place.strip().startsWith("http://"));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
