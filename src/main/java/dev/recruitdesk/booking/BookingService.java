package dev.recruitdesk.booking;

import dev.recruitdesk.accounts.AuditLog;
import dev.recruitdesk.accounts.Caller;
import dev.recruitdesk.delivery.Outbox;
import dev.recruitdesk.delivery.OutboxEntry;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.Booking;
import dev.recruitdesk.domain.BookingEvent;
import dev.recruitdesk.domain.BookingStatus;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.Recruiter;
import dev.recruitdesk.domain.Slot;
import dev.recruitdesk.domain.SlotStatus;
import dev.recruitdesk.reminders.ReminderPolicy;
import dev.recruitdesk.store.Database;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.hibernate.exception.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The booking state machine as use cases: request, approve, reject, reschedule, confirm, decline, cancel, outcome.
 * Each change and the messages it causes (approval, reminders, cancellation of stale ones) commit together.
 * Every use case exists twice: for the console, taking the {@link Caller} first and the version of the booking the
 * recruiter saw (scope checked, optimistic lock, one audit row, its own transaction), and inside the caller's
 * transaction for the bot (whose update offset commits with the update's effects).
 */
public class BookingService {

    private static final Logger log = LoggerFactory.getLogger(BookingService.class);
    /** Bookings per step of {@link #approveAll}: one lock query, one outbox batch, then the session is cleared. */
    private static final int APPROVE_CHUNK = 500;

    private final Database db;
    private final Clock clock;
    private final BookingMessages messages;
    private final BookingChanges changes;
    private final AuditLog audit;

    public BookingService(Database db, Clock clock, Outbox outbox, MessageComposer composer, BookingChanges changes) {
        this.db = db;
        this.clock = clock;
        this.audit = new AuditLog(clock);
        this.messages = new BookingMessages(outbox, composer);
        this.changes = changes;
    }

    /** Re-plans the reminders of future bookings when the policy changes; see {@link ReminderReplanner}. */
    public ReminderReplanner reminderReplanner() {
        return new ReminderReplanner(clock, messages);
    }

    /** Where committed changes are announced. */
    public BookingChanges changes() {
        return changes;
    }

    /**
     * A candidate asks for a slot. The slot must be open and in the future and not held by another active booking;
     * the candidate must not hold another active booking with the same recruiter. The slot row is locked, so two
     * candidates racing for it are served one after the other; the database's unique columns stay the backstop.
     */
    public Booking request(long slotId, long candidateId, Actor actor) {
        return inOwnTransaction(s -> request(s, slotId, candidateId, actor));
    }

    public Booking request(Session s, long slotId, long candidateId, Actor actor) {
        Instant now = clock.instant();
        Slot slot = s.find(Slot.class, slotId, LockModeType.PESSIMISTIC_WRITE);
        if (slot == null || slot.getStatus() != SlotStatus.OPEN) {
            throw new RuleViolation("", "booking.error.slotGone");
        }
        if (!slot.getStartAt().isAfter(now)) {
            throw new RuleViolation("", "booking.error.slotPast");
        }
        // the candidate row is locked too, so one candidate's two requests are checked one after the other
        if (s.find(Candidate.class, candidateId, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw new IllegalArgumentException("No candidate " + candidateId);
        }
        if (countActive(s, "activeSlotId", slotId) > 0) {
            throw new RuleViolation("", "booking.error.slotTaken");
        }
        if (countActive(s, "activeCandidateKey", candidateId + ":" + slot.getRecruiterId()) > 0) {
            throw new RuleViolation("", "booking.error.alreadyBooked");
        }
        Booking booking = new Booking(slotId, candidateId, slot.getRecruiterId(), now);
        s.persist(booking);
        s.flush();
        s.persist(BookingEvent.created(booking, actor, now));
        log.info("booking.requested id={} slot={} candidate={}", booking.getId(), slotId, candidateId);
        return published(s, booking, actor);
    }

    /**
     * Approves a request: the candidate gets the details and the reminders of this revision are planned. Approving
     * an already approved booking again re-runs the same enqueues, which the outbox's dedup keys turn into no-ops:
     * nothing that was sent is sent again.
     */
    public Booking approve(Caller caller, long bookingId, long seenVersion) {
        return inOwnTransaction(s -> console(s, caller, "booking.approve", bookingId, seenVersion, () -> approve(s, bookingId)));
    }

    /**
     * Approves many requests in one transaction (the console's multi-select): all of them, or none on a refusal
     * or a concurrent change. {@code seenVersions} maps each booking id to the version the recruiter saw; each
     * approval is audited as its own row. Works in chunks: the chunk's bookings are locked by one query (in id
     * order, so two overlapping batches of up to one chunk cannot deadlock), their slots, candidates and recruiters
     * read by one query each, and their messages enqueued as one outbox batch. The outcome is the one of approving
     * them one after another.
     */
    public List<Booking> approveAll(Caller caller, Map<Long, Long> seenVersions) {
        List<Long> ids = List.copyOf(seenVersions.keySet());
        return inOwnTransaction(s -> {
            List<Booking> approved = new ArrayList<>(ids.size());
            for (int from = 0; from < ids.size(); from += APPROVE_CHUNK) {
                approveChunk(s, caller, ids.subList(from, Math.min(ids.size(), from + APPROVE_CHUNK)), seenVersions, approved);
                // the chunk is done with its rows: without this every flush would re-check all earlier ones
                s.flush();
                s.clear();
            }
            return approved;
        });
    }

    private void approveChunk(Session s, Caller caller, List<Long> ids, Map<Long, Long> seenVersions, List<Booking> approved) {
        Map<Long, Booking> locked = new HashMap<>();
        for (Booking b : s.createSelectionQuery("from Booking where id in :ids order by id", Booking.class)
                .setParameterList("ids", ids).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()) {
            locked.put(b.getId(), b);
        }
        if (locked.size() < new HashSet<>(ids).size()) {
            throw new RuleViolation("", "booking.error.gone");
        }
        preload(s, Slot.class, locked.values().stream().map(Booking::getSlotId).collect(Collectors.toSet()));
        preload(s, Candidate.class, locked.values().stream().map(Booking::getCandidateId).collect(Collectors.toSet()));
        preload(s, Recruiter.class, locked.values().stream().map(Booking::getRecruiterId).collect(Collectors.toSet()));
        ReminderPolicy policy = ReminderPolicyService.load(s);
        for (Booking b : locked.values()) {
            Scope.require(caller, b.getRecruiterId(), "booking", b.getId());
            if (b.getVersion() != seenVersions.get(b.getId())) {
                ConcurrentChange conflict = ConcurrentChange.of(s, "booking", b.getId());
                log.info("booking.conflict id={} seen={} now={} by={} action=booking.approve", b.getId(), seenVersions.get(b.getId()),
                        b.getVersion(), conflict.changedBy() != null ? conflict.changedBy() : conflict.actor());
                throw conflict;
            }
        }
        List<OutboxEntry> out = new ArrayList<>(ids.size() * 4);
        List<AuditLog.Change> audited = new ArrayList<>(ids.size());
        for (long id : ids) {
            Booking b = locked.get(id);
            String was = render(s, b);
            Instant now = clock.instant();
            boolean changed = transition(s, b, BookingStatus.APPROVED, Actor.RECRUITER, null, now);
            messages.approvedRevision(s, b, NoticeKind.APPROVED, now, policy, out);
            approved.add(changed ? published(s, b, Actor.RECRUITER) : b);
            audited.add(new AuditLog.Change(id, was, render(s, b)));
        }
        s.flush(); // the bookings' new states go in before the messages about them
        messages.enqueue(s, out);
        audit.recordAll(s, caller, "booking.approve", "booking", audited);
    }

    /**
     * Reads the rows of {@code ids} into the session with one query, so the finds that follow need none. Read-only:
     * approval only reads slots, candidates and recruiters, and the chunk's flushes then skip checking them.
     */
    private static void preload(Session s, Class<?> entity, Set<Long> ids) {
        s.createSelectionQuery("from " + entity.getSimpleName() + " where id in :ids", entity)
                .setParameterList("ids", ids).setReadOnly(true).getResultList();
    }

    public Booking approve(Session s, long bookingId) {
        return approve(s, bookingId, Actor.RECRUITER);
    }

    /** Approval by {@code actor}: the recruiter, or the system when auto-approval is on. */
    public Booking approve(Session s, long bookingId, Actor actor) {
        return change(s, bookingId, BookingStatus.APPROVED, actor, null,
                (b, now, changed) -> messages.approvedRevision(s, b, NoticeKind.APPROVED, now));
    }

    public Booking reject(Caller caller, long bookingId, long seenVersion, String note) {
        return inOwnTransaction(s -> console(s, caller, "booking.reject", bookingId, seenVersion, () -> reject(s, bookingId, note)));
    }

    public Booking reject(Session s, long bookingId, String note) {
        return change(s, bookingId, BookingStatus.REJECTED, Actor.RECRUITER, note, (b, now, changed) -> {
            if (changed) {
                messages.cancelEverythingPending(s, b, "rejected");
                messages.tell(s, b, NoticeKind.REJECTED, note, now);
            }
        });
    }

    /** The candidate pressed ✅: pending prompts and the recruiter's alert are cancelled, a short thanks goes out. */
    public Booking confirm(long bookingId) {
        return inOwnTransaction(s -> confirm(s, bookingId));
    }

    public Booking confirm(Session s, long bookingId) {
        return change(s, bookingId, BookingStatus.CONFIRMED, Actor.CANDIDATE, null, (b, now, changed) -> {
            if (changed) {
                messages.cancelConfirmationPrompts(s, b);
                messages.tell(s, b, NoticeKind.CONFIRMED_THANKS, null, now);
            }
        });
    }

    /** The candidate pressed ❌: the slot is free again in the same transaction and nothing more is sent for it. */
    public Booking decline(long bookingId, String reason) {
        return inOwnTransaction(s -> decline(s, bookingId, reason));
    }

    public Booking decline(Session s, long bookingId, String reason) {
        return change(s, bookingId, BookingStatus.DECLINED, Actor.CANDIDATE, reason, (b, now, changed) -> {
            if (changed) {
                messages.cancelEverythingPending(s, b, "declined");
                messages.tell(s, b, NoticeKind.DECLINED, reason, now);
            }
        });
    }

    /** The recruiter cancels a booking from the console. */
    public Booking cancel(Caller caller, long bookingId, long seenVersion, String note) {
        return inOwnTransaction(s -> console(s, caller, "booking.cancel", bookingId, seenVersion,
                () -> cancel(s, bookingId, Actor.RECRUITER, note)));
    }

    public Booking cancel(Session s, long bookingId, Actor actor, String note) {
        return change(s, bookingId, BookingStatus.CANCELLED, actor, note, (b, now, changed) -> {
            if (changed) {
                messages.cancelEverythingPending(s, b, "cancelled");
                messages.tell(s, b, NoticeKind.CANCELLED, note, now);
            }
        });
    }

    public Booking markOutcome(Caller caller, long bookingId, long seenVersion, BookingStatus outcome) {
        if (!outcome.isOutcome()) {
            throw new IllegalArgumentException("Not an outcome: " + outcome);
        }
        return inOwnTransaction(s -> console(s, caller, "booking.outcome", bookingId, seenVersion,
                () -> change(s, bookingId, outcome, Actor.RECRUITER, null, (b, now, changed) -> {
                    if (changed) {
                        messages.cancelEverythingPending(s, b, "interview over");
                    }
                })));
    }

    /**
     * Moves an active booking to another open slot of the same recruiter: a new revision. The old revision's
     * pending messages are cancelled and, for an approved booking, the candidate is told the new time and gets the
     * new time's reminders (a confirmed booking must confirm again).
     */
    public Booking reschedule(Caller caller, long bookingId, long seenVersion, long newSlotId) {
        return inOwnTransaction(s -> console(s, caller, "booking.reschedule", bookingId, seenVersion,
                () -> reschedule(s, bookingId, newSlotId, Actor.RECRUITER)));
    }

    public Booking reschedule(Session s, long bookingId, long newSlotId, Actor actor) {
        Instant now = clock.instant();
        Booking b = lock(s, bookingId);
        if (!b.getStatus().isActive()) {
            throw new RuleViolation("", "booking.error.transition", b.getStatus(), b.getStatus());
        }
        if (b.getSlotId() == newSlotId) {
            return b;
        }
        Slot target = s.find(Slot.class, newSlotId, LockModeType.PESSIMISTIC_WRITE);
        if (target == null || target.getStatus() != SlotStatus.OPEN || target.getRecruiterId() != b.getRecruiterId()) {
            throw new RuleViolation("", "booking.error.slotGone");
        }
        if (!target.getStartAt().isAfter(now)) {
            throw new RuleViolation("", "booking.error.slotPast");
        }
        if (countActive(s, "activeSlotId", newSlotId) > 0) {
            throw new RuleViolation("", "booking.error.slotTaken");
        }
        s.persist(b.reschedule(newSlotId, actor, now));
        s.flush();
        messages.cancelOlderRevisions(s, b);
        if (b.getStatus() != BookingStatus.REQUESTED) {
            messages.approvedRevision(s, b, NoticeKind.RESCHEDULED, now);
        }
        log.info("booking.rescheduled id={} slot={} rev={} by={}", bookingId, newSlotId, b.getRevision(), actor);
        return published(s, b, actor);
    }

    /**
     * Moves a booked slot to a new time (or length) together with its booking: the slot row keeps its id, the
     * booking gets a new revision, exactly as {@link #reschedule} does for a move to another slot. The slot rules of
     * {@link SlotService#create} apply (future start, duration bounds, no overlap with the recruiter's other open
     * slots); the old revision's pending messages are cancelled and an approved booking's candidate gets one
     * "rescheduled" message and the new time's reminders.
     */
    public Booking rescheduleInPlace(Caller caller, long bookingId, long seenVersion, Instant newStart, Duration newDuration) {
        return inOwnTransaction(s -> {
            // the slot-changing lock order (recruiter, slot, booking) before the booking is checked and locked; the
            // unlocked read is dropped, so the lock reads the row afresh and a change meanwhile is a ConcurrentChange
            Booking unlocked = find(s, bookingId);
            s.detach(unlocked);
            SlotService.lockSlotAndRecruiter(s, unlocked.getSlotId());
            return console(s, caller, "booking.reschedule", bookingId, seenVersion,
                    () -> rescheduleInPlace(s, bookingId, newStart, newDuration, Actor.RECRUITER));
        });
    }

    public Booking rescheduleInPlace(Session s, long bookingId, Instant newStart, Duration newDuration, Actor actor) {
        SlotService.checkDuration(newDuration);
        Instant now = clock.instant();
        if (!newStart.isAfter(now)) {
            throw new RuleViolation("start", "slot.error.past");
        }
        Slot slot = SlotService.lockSlotAndRecruiter(s, find(s, bookingId).getSlotId());
        Booking b = lock(s, bookingId);
        if (!b.getStatus().isActive() || b.getSlotId() != slot.getId()) {
            throw new RuleViolation("", "booking.error.transition", b.getStatus(), b.getStatus());
        }
        if (slot.getStartAt().equals(newStart) && slot.getDuration().equals(newDuration)) {
            return b;
        }
        if (!slot.getStartAt().isAfter(now)) {
            throw new RuleViolation("", "booking.error.slotPast");
        }
        Slot clash = SlotService.firstOverlap(s, slot.getRecruiterId(), newStart, newStart.plus(newDuration), slot.getId());
        if (clash != null) {
            throw new RuleViolation("start", "slot.error.overlap", clash.getStartAt(), clash.getEndAt());
        }
        Instant oldStart = slot.getStartAt();
        slot.moveTo(newStart, newDuration);
        s.persist(b.reschedule(slot.getId(), actor, now));
        s.flush();
        messages.cancelOlderRevisions(s, b);
        if (b.getStatus() != BookingStatus.REQUESTED) {
            messages.approvedRevision(s, b, NoticeKind.RESCHEDULED, now);
        }
        log.info("booking.rescheduled.inplace id={} slot={} from={} to={} rev={} by={}", bookingId, slot.getId(), oldStart,
                newStart, b.getRevision(), actor);
        return published(s, b, actor);
    }

    /** The booking as it is now; for the bot and tests (the console reads through {@link BookingQueries}, scoped). */
    public Booking find(long bookingId) {
        return db.inTransaction(s -> find(s, bookingId));
    }

    public Booking find(Session s, long bookingId) {
        Booking b = s.find(Booking.class, bookingId);
        if (b == null) {
            throw new RuleViolation("", "booking.error.gone");
        }
        return b;
    }

    /** Every recorded change of a booking, oldest first; for the bot and tests (the console reads the candidate's timeline). */
    public List<BookingEvent> history(long bookingId) {
        return db.inTransaction(s -> s.createSelectionQuery("from BookingEvent where bookingId = :b order by at, id", BookingEvent.class)
                .setParameter("b", bookingId).getResultList());
    }

    /** Adds a note to a booking's history from the console. */
    public void note(Caller caller, long bookingId, String note) {
        db.run(s -> {
            Booking booking = find(s, bookingId);
            Scope.require(caller, booking.getRecruiterId(), "booking", bookingId);
            note(s, bookingId, Actor.RECRUITER, note);
            audit.record(s, caller, "booking.note", "booking", bookingId, null, note);
        });
    }

    /** Adds a note to a booking's history without changing it (the candidate's reason after ❌). */
    public void note(Session s, long bookingId, Actor actor, String note) {
        Booking booking = s.find(Booking.class, bookingId);
        if (booking == null) {
            throw new RuleViolation("", "booking.error.gone");
        }
        s.persist(BookingEvent.noted(booking, actor, note, clock.instant()));
        log.info("booking.noted id={} by={} chars={}", bookingId, actor, note.length());
    }

    /** The candidate's active booking (with any recruiter), or null. */
    public static Booking activeOf(Session s, long candidateId) {
        return s.createSelectionQuery("from Booking where candidateId = :c and activeSlotId is not null order by id", Booking.class)
                .setParameter("c", candidateId).setMaxResults(1).getResultList().stream().findFirst().orElse(null);
    }

    private static Booking activeOf(Session s, long candidateId, long recruiterId) {
        return s.createSelectionQuery("from Booking where activeCandidateKey = :k", Booking.class)
                .setParameter("k", candidateId + ":" + recruiterId).getResultList().stream().findFirst().orElse(null);
    }

    private static Booking activeOnSlot(Session s, long slotId) {
        return s.createSelectionQuery("from Booking where activeSlotId = :id", Booking.class)
                .setParameter("id", slotId).getResultList().stream().findFirst().orElse(null);
    }

    /**
     * A console action on a booking: locks the row, refuses it outside the caller's scope and when it changed since
     * the recruiter saw {@code seenVersion}, runs it, and audits it with the booking before and after.
     */
    private Booking console(Session s, Caller caller, String action, long bookingId, long seenVersion, Supplier<Booking> work) {
        Booking before = lock(s, bookingId);
        Scope.require(caller, before.getRecruiterId(), "booking", bookingId);
        if (before.getVersion() != seenVersion) {
            ConcurrentChange conflict = ConcurrentChange.of(s, "booking", bookingId);
            log.info("booking.conflict id={} seen={} now={} by={} action={}", bookingId, seenVersion, before.getVersion(),
                    conflict.changedBy() != null ? conflict.changedBy() : conflict.actor(), action);
            throw conflict;
        }
        String was = render(s, before);
        Booking after = work.get();
        s.flush();
        audit.record(s, caller, action, "booking", bookingId, was, render(s, after));
        return after;
    }

    /** A short readable state for the audit: {@code APPROVED rev 2 slot 17 at 2026-12-01T10:00:00Z}. */
    static String render(Session s, Booking b) {
        Slot slot = s.find(Slot.class, b.getSlotId());
        return b.getStatus() + " rev " + b.getRevision() + " slot " + b.getSlotId()
                + (slot == null ? "" : " at " + slot.getStartAt() + " " + slot.getDuration().toMinutes() + "min");
    }

    /** What a change also does, in its transaction; {@code changed} is false when the booking already had the status. */
    @FunctionalInterface
    private interface Effects {
        void apply(Booking booking, Instant now, boolean changed);
    }

    private Booking change(Session s, long bookingId, BookingStatus next, Actor actor, String note, Effects effects) {
        Instant now = clock.instant();
        Booking booking = lock(s, bookingId);
        boolean changed = transition(s, booking, next, actor, note, now);
        if (changed) {
            s.flush();
        }
        effects.apply(booking, now, changed);
        return changed ? published(s, booking, actor) : booking;
    }

    /**
     * Moves the locked {@code booking} to {@code next} and records the event; false when it already had the status.
     * The caller flushes.
     */
    private static boolean transition(Session s, Booking booking, BookingStatus next, Actor actor, String note, Instant now) {
        // a confirmed booking is approved already: approving it again changes nothing
        boolean changed = booking.getStatus() != next
                && !(next == BookingStatus.APPROVED && booking.getStatus() == BookingStatus.CONFIRMED);
        if (changed && !booking.getStatus().canBecome(next)) {
            throw new RuleViolation("", "booking.error.transition", booking.getStatus(), next);
        }
        if (changed) {
            s.persist(booking.transition(next, actor, note, now));
            log.info("booking.{} id={} by={}", next.name().toLowerCase(), booking.getId(), actor);
        }
        return changed;
    }

    /** Announces the change once the surrounding transaction commits (nothing is said of a rolled-back one). */
    private Booking published(Session s, Booking b, Actor actor) {
        BookingChanges.Change change = new BookingChanges.Change(b.getId(), b.getSlotId(), b.getCandidateId(),
                b.getRecruiterId(), b.getStatus(), b.getRevision(), actor);
        s.getTransaction().registerSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    changes.publish(change);
                }
            }
        });
        return b;
    }

    private <T> T inOwnTransaction(Function<Session, T> work) {
        try {
            return db.inTransaction(work);
        } catch (ConstraintViolationException e) {
            throw translate(e);
        }
    }

    private static long countActive(Session s, String column, Object value) {
        return s.createSelectionQuery("select count(*) from Booking where " + column + " = :v", Long.class)
                .setParameter("v", value).getSingleResult();
    }

    private static Booking lock(Session s, long bookingId) {
        Booking booking = s.find(Booking.class, bookingId, LockModeType.PESSIMISTIC_WRITE);
        if (booking == null) {
            throw new RuleViolation("", "booking.error.gone");
        }
        return booking;
    }

    private static RuntimeException translate(ConstraintViolationException e) {
        String name = String.valueOf(e.getConstraintName()).toLowerCase();
        if (name.contains("booking_one_active_per_slot")) {
            return new RuleViolation("", "booking.error.slotTaken");
        }
        if (name.contains("booking_one_active_per_candidate")) {
            return new RuleViolation("", "booking.error.alreadyBooked");
        }
        return e;
    }
}
