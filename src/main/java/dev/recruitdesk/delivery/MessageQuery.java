package dev.recruitdesk.delivery;

import dev.recruitdesk.domain.OutboxStatus;
import java.util.Set;

/**
 * A filter and page over outbox messages for the ledger screens; {@code null} (or an empty set) means "any".
 *
 * @param text        matched case-insensitively against the message text and the dedup key
 * @param recruiterId only messages about this recruiter's bookings, or to candidates in their scope when a message
 *                    is about no booking (a team-mode recruiter's Delivery screen)
 */
public record MessageQuery(Set<OutboxStatus> statuses, String kind, Long chatId, Long candidateId, Long bookingId,
                           String text, Long recruiterId, int offset, int limit) {

    public MessageQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset >= 0 and limit >= 1 required");
        }
    }

    /** Every message, newest first, first page of 100. */
    public static MessageQuery all() {
        return new MessageQuery(Set.of(), null, null, null, null, null, null, 0, 100);
    }

    public MessageQuery withStatuses(Set<OutboxStatus> value) {
        return new MessageQuery(value, kind, chatId, candidateId, bookingId, text, recruiterId, offset, limit);
    }

    public MessageQuery withKind(String value) {
        return new MessageQuery(statuses, value, chatId, candidateId, bookingId, text, recruiterId, offset, limit);
    }

    public MessageQuery withChatId(Long value) {
        return new MessageQuery(statuses, kind, value, candidateId, bookingId, text, recruiterId, offset, limit);
    }

    public MessageQuery withCandidateId(Long value) {
        return new MessageQuery(statuses, kind, chatId, value, bookingId, text, recruiterId, offset, limit);
    }

    public MessageQuery withBookingId(Long value) {
        return new MessageQuery(statuses, kind, chatId, candidateId, value, text, recruiterId, offset, limit);
    }

    public MessageQuery withText(String value) {
        return new MessageQuery(statuses, kind, chatId, candidateId, bookingId, value, recruiterId, offset, limit);
    }

    public MessageQuery withRecruiterId(Long value) {
        return new MessageQuery(statuses, kind, chatId, candidateId, bookingId, text, value, offset, limit);
    }

    public MessageQuery page(int newOffset, int newLimit) {
        return new MessageQuery(statuses, kind, chatId, candidateId, bookingId, text, recruiterId, newOffset, newLimit);
    }
}
