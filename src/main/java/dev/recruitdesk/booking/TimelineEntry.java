package dev.recruitdesk.booking;

import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.AttemptOutcome;
import dev.recruitdesk.domain.BookingStatus;
import dev.recruitdesk.domain.OutboxStatus;
import java.time.Instant;

/** One line of a candidate's timeline: a booking change, a message put in the outbox, or one delivery attempt. */
public sealed interface TimelineEntry {

    Instant at();

    /** A recorded change of a booking (a candidate's change is a button press in the bot). */
    record StatusChange(Instant at, long bookingId, int revision, BookingStatus from, BookingStatus to, Actor actor,
                        String note) implements TimelineEntry {
    }

    /** A message queued for the candidate; {@code status} is where it is now. */
    record MessageQueued(Instant at, long messageId, String kind, String text, OutboxStatus status, Long bookingId,
                         String lastError) implements TimelineEntry {
    }

    /** One entry of a message's delivery ledger. */
    record Delivery(Instant at, long messageId, String kind, int attemptNo, AttemptOutcome outcome, Long telegramMessageId,
                    String error) implements TimelineEntry {
    }
}
