package dev.recruitdesk.booking;

import dev.recruitdesk.delivery.EnqueueResult;
import dev.recruitdesk.delivery.Outbox;
import dev.recruitdesk.delivery.OutboxEntry;
import dev.recruitdesk.delivery.Regarding;
import dev.recruitdesk.domain.Booking;
import dev.recruitdesk.domain.BookingStatus;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.Recruiter;
import dev.recruitdesk.domain.Slot;
import dev.recruitdesk.reminders.PlanInput;
import dev.recruitdesk.reminders.PlannedReminder;
import dev.recruitdesk.reminders.Recipient;
import dev.recruitdesk.reminders.ReminderKind;
import dev.recruitdesk.reminders.ReminderPlan;
import dev.recruitdesk.reminders.ReminderPolicy;
import dev.recruitdesk.reminders.ReminderPlanner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The messages a booking change causes, enqueued in the change's own transaction. Every message has a dedup key
 * naming the booking and (where it matters) the revision, so repeating a change never sends anything twice and a
 * new revision gets fresh reminders.
 */
final class BookingMessages {

    private static final Logger log = LoggerFactory.getLogger(BookingMessages.class);

    private static final Map<ReminderKind, NoticeKind> REMINDER_NOTICES = new EnumMap<>(Map.of(
            ReminderKind.DAY_BEFORE, NoticeKind.REMINDER_DAY_BEFORE,
            ReminderKind.CONFIRM_2H, NoticeKind.REMINDER_CONFIRM_2H,
            ReminderKind.STARTING_SOON, NoticeKind.REMINDER_STARTING_SOON));

    private final Outbox outbox;
    private final MessageComposer composer;

    BookingMessages(Outbox outbox, MessageComposer composer) {
        this.outbox = outbox;
        this.composer = composer;
    }

    /**
     * The approval message and the reminders of the booking's current revision. Safe to repeat: a re-approval of
     * the same revision finds every key already there and sends nothing new.
     */
    void approvedRevision(Session s, Booking b, NoticeKind headline, Instant now) {
        List<OutboxEntry> out = new ArrayList<>();
        approvedRevision(s, b, headline, now, ReminderPolicyService.load(s), out);
        enqueue(s, out);
    }

    /**
     * As {@link #approvedRevision(Session, Booking, NoticeKind, Instant)}, but the messages are added to {@code out}
     * for the caller to {@link #enqueue} together with other bookings' in the same transaction, and the reminders
     * follow {@code policy} (read once by the caller in this transaction).
     */
    void approvedRevision(Session s, Booking b, NoticeKind headline, Instant now, ReminderPolicy policy, List<OutboxEntry> out) {
        Facts f = Facts.load(s, b);
        String key = headline.keyName() + ":booking-" + b.getId() + ":rev-" + b.getRevision();
        add(out, f, headline, key, null, false, now, f.slot.getStartAt());
        planReminders(f, now, policy, out);
    }

    /** Puts the collected messages into the outbox (one batch) in {@code s}'s transaction. */
    void enqueue(Session s, List<OutboxEntry> out) {
        List<EnqueueResult> results = outbox.enqueueAll(s, out);
        if (log.isDebugEnabled()) {
            for (int i = 0; i < out.size(); i++) {
                log.debug("notice.enqueued key={} result={}", out.get(i).dedupKey(), results.get(i));
            }
        }
    }

    /**
     * Plans the reminders of the booking's current revision again (the policy changed): every planned reminder is
     * enqueued under its key, which refreshes a PENDING row's due time and payload and leaves a sent or cancelled one
     * alone; PENDING reminder rows of kinds no longer planned are cancelled. Nothing that was sent is sent again.
     *
     * @return the reminder kinds whose pending rows were cancelled
     */
    Set<ReminderKind> replanReminders(Session s, Booking b, Instant now) {
        Facts f = Facts.load(s, b);
        List<OutboxEntry> out = new ArrayList<>();
        ReminderPlan plan = planReminders(f, now, ReminderPolicyService.load(s), out);
        enqueue(s, out);
        Set<ReminderKind> dropped = EnumSet.noneOf(ReminderKind.class);
        for (ReminderKind kind : REMINDER_NOTICES.keySet()) {
            if (plan.planned().stream().noneMatch(r -> r.kind() == kind)) {
                dropped.add(kind);
            }
        }
        List<String> names = outboxKinds(dropped);
        int n = outbox.cancelPendingOfKinds(s, b.getId(), names, "reminder policy changed");
        log.info("reminder.replanned booking={} rev={} planned={} cancelled={}", b.getId(), b.getRevision(), plan.planned().size(), n);
        return dropped;
    }

    /** The outbox kinds of reminder kinds: the rows carry the notice's name ({@code reminder_confirm_2h}). */
    static List<String> outboxKinds(Set<ReminderKind> kinds) {
        return kinds.stream().filter(REMINDER_NOTICES::containsKey).map(k -> REMINDER_NOTICES.get(k).keyName()).toList();
    }

    private ReminderPlan planReminders(Facts f, Instant now, ReminderPolicy policy, List<OutboxEntry> out) {
        Booking b = f.booking;
        ReminderPlan plan = ReminderPlanner.decide(new PlanInput(b.getId(), b.getRevision(), f.slot.getStartAt(), f.slot.getEndAt(),
                f.candidate.getZone(), f.recruiter.getZone(), b.getStatus() == BookingStatus.CONFIRMED,
                policy, now));
        for (PlannedReminder r : plan.planned()) {
            if (r.recipient() == Recipient.RECRUITER) {
                // recruiters follow unconfirmed bookings in the console (highlighted an hour before); no chat yet
                log.info("reminder.console-only key={} due={}", r.dedupKey(), r.dueAt());
                continue;
            }
            add(out, f, REMINDER_NOTICES.get(r.kind()), r.dedupKey(), null, r.withConfirmButtons(), r.dueAt(), r.expiresAt());
            // the reasons are composed text: only build them when they will be written
            if (log.isInfoEnabled()) {
                log.info("reminder.planned key={} due={} expires={} why={}", r.dedupKey(), r.dueAt(), r.expiresAt(), r.reason());
            }
        }
        if (log.isInfoEnabled()) {
            plan.skipped().forEach(k -> log.info("reminder.skipped key={} cause={} why={}", k.dedupKey(), k.cause(), k.reason()));
        }
        return plan;
    }

    /** A one-off message about the booking's current revision, e.g. "rejected", sent now until the slot starts. */
    void tell(Session s, Booking b, NoticeKind kind, String note, Instant now) {
        Facts f = Facts.load(s, b);
        String key = kind.keyName() + ":booking-" + b.getId() + ":rev-" + b.getRevision();
        Instant expires = f.slot.getStartAt().isAfter(now) ? f.slot.getStartAt() : now.plusSeconds(3600);
        List<OutboxEntry> out = new ArrayList<>(1);
        add(out, f, kind, key, note, false, now, expires);
        enqueue(s, out);
    }

    void cancelConfirmationPrompts(Session s, Booking b) {
        int n = outbox.cancelPendingOfKinds(s, b.getId(), outboxKinds(ReminderKind.cancelledOnConfirmation()), "candidate confirmed");
        log.info("reminder.cancelled booking={} count={} why=confirmed", b.getId(), n);
    }

    void cancelEverythingPending(Session s, Booking b, String why) {
        int n = outbox.cancelAllPending(s, b.getId(), why);
        log.info("reminder.cancelled booking={} count={} why={}", b.getId(), n, why);
    }

    void cancelOlderRevisions(Session s, Booking b) {
        int n = outbox.cancelPendingBeforeRevision(s, b.getId(), b.getRevision(), "rescheduled");
        log.info("reminder.cancelled booking={} count={} why=rescheduled rev={}", b.getId(), n, b.getRevision());
    }

    private void add(List<OutboxEntry> out, Facts f, NoticeKind kind, String key, String note, boolean buttons, Instant due,
                     Instant expires) {
        if (!f.candidate.canBeMessaged()) {
            log.info("notice.skipped key={} why={}", key, f.candidate.getChatId() == null ? "candidate has no Telegram chat" : "candidate blocked the bot");
            return;
        }
        Notice notice = new Notice(kind, f.candidate.getChatId(), f.candidate.getLanguage(), f.candidate.getZone(), f.booking.getId(),
                f.booking.getRevision(), f.slot.getStartAt(), f.slot.getEndAt(), f.slot.getPlace(), f.candidate.getName(),
                f.recruiter.getName(), buttons, note);
        out.add(new OutboxEntry(key, kind.keyName(), Regarding.booking(f.candidate.getId(), f.booking.getId(), f.booking.getRevision()),
                composer.compose(notice), due, expires));
    }

    /** The rows a message about a booking is made from. */
    private record Facts(Booking booking, Slot slot, Candidate candidate, Recruiter recruiter) {
        static Facts load(Session s, Booking b) {
            return new Facts(b, s.find(Slot.class, b.getSlotId()), s.find(Candidate.class, b.getCandidateId()),
                    s.find(Recruiter.class, b.getRecruiterId()));
        }
    }
}
