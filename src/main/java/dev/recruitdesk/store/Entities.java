package dev.recruitdesk.store;

import dev.recruitdesk.domain.Account;
import dev.recruitdesk.domain.AuditEntry;
import dev.recruitdesk.domain.Booking;
import dev.recruitdesk.domain.BookingEvent;
import dev.recruitdesk.domain.BotOffset;
import dev.recruitdesk.domain.BotUpdateFailure;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.CandidateInvite;
import dev.recruitdesk.domain.ChatState;
import dev.recruitdesk.domain.DeliveryAttempt;
import dev.recruitdesk.domain.MessageTemplate;
import dev.recruitdesk.domain.OutboxMessage;
import dev.recruitdesk.domain.Recruiter;
import dev.recruitdesk.domain.ReminderSettings;
import dev.recruitdesk.domain.Slot;
import dev.recruitdesk.domain.WaitingEntry;
import java.util.List;

/** The explicit entity list: Hibernate boots without class-path scanning. */
final class Entities {

    static final List<Class<?>> ALL = List.of(
            Recruiter.class,
            Candidate.class,
            Slot.class,
            Booking.class,
            BookingEvent.class,
            OutboxMessage.class,
            DeliveryAttempt.class,
            BotOffset.class,
            BotUpdateFailure.class,
            MessageTemplate.class,
            ReminderSettings.class,
            ChatState.class,
            CandidateInvite.class,
            WaitingEntry.class,
            Account.class,
            AuditEntry.class);

    private Entities() {
    }
}
