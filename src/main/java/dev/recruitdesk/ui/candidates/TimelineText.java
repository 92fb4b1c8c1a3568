package dev.recruitdesk.ui.candidates;

import dev.recruitdesk.booking.TimelineEntry;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.BookingStatus;
import dev.recruitdesk.ui.BookingFormat;
import dev.recruitdesk.ui.I18n;
import java.util.Locale;

/** Puts a candidate's timeline entries into words in the recruiter's language and zone. */
final class TimelineText {

    private static final int PREVIEW = 160;

    private final I18n i18n;
    private final BookingFormat format;

    TimelineText(I18n i18n, BookingFormat format) {
        this.i18n = i18n;
        this.format = format;
    }

    TimelineLine line(TimelineEntry entry) {
        String time = format.stamp(entry.at());
        if (entry instanceof TimelineEntry.StatusChange c) {
            return change(time, c);
        }
        if (entry instanceof TimelineEntry.MessageQueued m) {
            String detail = preview(m.text());
            if (m.lastError() != null && !m.lastError().isBlank()) {
                detail += "\n" + m.lastError();
            }
            return new TimelineLine(time, i18n.tr("timeline.queued", kind(m.kind()), i18n.tr(BookingFormat.keyOf("timeline.state.", m.status()))),
                    detail, "tl-queued");
        }
        TimelineEntry.Delivery d = (TimelineEntry.Delivery) entry;
        String error = d.error() == null ? "" : d.error();
        return switch (d.outcome()) {
            case SENT -> new TimelineLine(time, i18n.tr("timeline.sent", kind(d.kind()), d.telegramMessageId() == null ? "?" : d.telegramMessageId()),
                    i18n.tr("timeline.attempt", d.attemptNo()), "tl-sent");
            case UNREACHABLE -> new TimelineLine(time, i18n.tr("timeline.unreachable", kind(d.kind())), error, "tl-failed");
            case BAD_REQUEST, BAD_TOKEN -> new TimelineLine(time, i18n.tr("timeline.failed", kind(d.kind())), error, "tl-failed");
            case MAYBE_DELIVERED, LEASE_LOST -> new TimelineLine(time, i18n.tr("timeline.ambiguous", kind(d.kind())), error, "tl-ambiguous");
            case RESEND_REQUESTED -> new TimelineLine(time, i18n.tr("timeline.resend", kind(d.kind())), error, "tl-queued");
            default -> new TimelineLine(time, i18n.tr("timeline.retry", kind(d.kind()), d.attemptNo()), error, "tl-ambiguous");
        };
    }

    private TimelineLine change(String time, TimelineEntry.StatusChange c) {
        String who = format.actor(c.actor());
        String ref = i18n.tr("timeline.booking", c.bookingId(), c.revision());
        String note = c.note() == null || c.note().isBlank() ? "" : "\n" + i18n.tr(c.actor() == Actor.CANDIDATE ? "timeline.reason" : "timeline.note", c.note());
        if (c.from() == null) {
            return new TimelineLine(time, i18n.tr("timeline.requested", who), ref + note, c.actor() == Actor.CANDIDATE ? "tl-press" : "tl-change");
        }
        if ("rescheduled".equals(c.note())) {
            return new TimelineLine(time, i18n.tr("timeline.rescheduled", who), ref, "tl-change");
        }
        if (c.actor() == Actor.CANDIDATE && (c.to() == BookingStatus.CONFIRMED || c.to() == BookingStatus.DECLINED)) {
            String key = c.to() == BookingStatus.CONFIRMED ? "timeline.press.confirm" : "timeline.press.decline";
            return new TimelineLine(time, i18n.tr(key), ref + note, "tl-press");
        }
        return new TimelineLine(time, i18n.tr("timeline.change", format.status(c.to()), who), ref + note, "tl-change");
    }

    private String kind(String kind) {
        String key = "timeline.kind." + kind;
        String text = i18n.tr(key);
        return text.equals("!" + key + "!") ? kind : text;
    }

    private static String preview(String text) {
        String flat = text.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip();
        return flat.length() <= PREVIEW ? flat : flat.substring(0, PREVIEW - 1) + "…";
    }

}
