package dev.recruitdesk.booking;

import dev.recruitdesk.domain.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * One message to a candidate about a booking, as the use case knows it: who, in which language and zone, what
 * happened, the facts to show. A {@link MessageComposer} turns it into the wire message at enqueue time.
 *
 * @param withConfirmButtons attach signed ✅/❌ buttons for this booking revision
 * @param note               the recruiter's message or the reason given, or {@code null}
 */
public record Notice(NoticeKind kind, long chatId, Language language, ZoneId zone, long bookingId, int revision,
                     Instant start, Instant end, String place, String candidateName, String recruiterName,
                     boolean withConfirmButtons, String note) {

    public Notice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }
}
