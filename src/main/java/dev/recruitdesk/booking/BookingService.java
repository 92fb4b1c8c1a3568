package dev.recruitdesk.booking;

import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.Booking;
import dev.recruitdesk.domain.BookingEvent;
import dev.recruitdesk.domain.BookingStatus;
import dev.recruitdesk.delivery.Outbox;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.Slot;
import dev.recruitdesk.domain.SlotStatus;
import dev.recruitdesk.store.Database;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.exception.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The booking state machine as use cases: request, approve, reject, reschedule, confirm, decline, cancel, outcome.
 * Each change and the messages it causes (approval, reminders, cancellations of stale ones) commit together.
 */
public class BookingService {

    private static final Logger log = LoggerFactory.getLogger(BookingService.class);

    private final Database db;
    private final Clock clock;
    private final BookingMessages messages;

    public BookingService(Database db, Clock clock, Outbox outbox, MessageComposer composer) {
        this.db = db;
        this.clock = clock;
        this.messages = new BookingMessages(outbox, composer);
    }

    /**
     * A candidate asks for a slot. The slot must be open and in the future; the database refuses a second active
     * booking of the slot or of the candidate with the same recruiter, and that refusal becomes a clear rule
     * violation, never a server error.
     */
    public Booking request(long slotId, long candidateId, Actor actor) {
        Instant now = clock.instant();
        try {
            return db.inTransaction(s -> {
                Slot slot = s.find(Slot.class, slotId);
                if (slot == null || slot.getStatus() != SlotStatus.OPEN) {
                    throw new RuleViolation("", "booking.error.slotGone");
                }
                if (!slot.getStartAt().isAfter(now)) {
                    throw new RuleViolation("", "booking.error.slotPast");
                }
                if (s.find(Candidate.class, candidateId) == null) {
                    throw new IllegalArgumentException("No candidate " + candidateId);
                }
                Booking booking = new Booking(slotId, candidateId, slot.getRecruiterId(), now);
                s.persist(booking);
                s.flush();
                s.persist(BookingEvent.created(booking, actor, now));
                log.info("booking.requested id={} slot={} candidate={}", booking.getId(), slotId, candidateId);
                return booking;
            });
        } catch (ConstraintViolationException e) {
            throw translate(e);
        }
    }

    /**
     * Approves a request: the candidate gets the details and the reminders of this revision are planned. Approving
     * an already approved booking again re-runs the same enqueues, which the outbox's dedup keys turn into no-ops:
     * nothing that was sent is sent again.
     */
    public Booking approve(long bookingId) {
        return change(bookingId, BookingStatus.APPROVED, Actor.RECRUITER, null,
                (s, b, now, changed) -> messages.approvedRevision(s, b, NoticeKind.APPROVED, now));
    }

    public Booking reject(long bookingId, String note) {
        return change(bookingId, BookingStatus.REJECTED, Actor.RECRUITER, note, (s, b, now, changed) -> {
            if (changed) {
                messages.cancelEverythingPending(s, b, "rejected");
                messages.tell(s, b, NoticeKind.REJECTED, note, now);
            }
        });
    }

    /** The candidate pressed ✅: pending prompts and the recruiter's alert are cancelled, a short thanks goes out. */
    public Booking confirm(long bookingId) {
        return change(bookingId, BookingStatus.CONFIRMED, Actor.CANDIDATE, null, (s, b, now, changed) -> {
            if (changed) {
                messages.cancelConfirmationPrompts(s, b);
                messages.tell(s, b, NoticeKind.CONFIRMED_THANKS, null, now);
            }
        });
    }

    /** The candidate pressed ❌: the slot is free again in the same transaction and nothing more is sent for it. */
    public Booking decline(long bookingId, String reason) {
        return change(bookingId, BookingStatus.DECLINED, Actor.CANDIDATE, reason, (s, b, now, changed) -> {
            if (changed) {
                messages.cancelEverythingPending(s, b, "declined");
                messages.tell(s, b, NoticeKind.DECLINED, reason, now);
            }
        });
    }

    public Booking cancel(long bookingId, Actor actor, String note) {
        return change(bookingId, BookingStatus.CANCELLED, actor, note, (s, b, now, changed) -> {
            if (changed) {
                messages.cancelEverythingPending(s, b, "cancelled");
                messages.tell(s, b, NoticeKind.CANCELLED, note, now);
            }
        });
    }

    public Booking markOutcome(long bookingId, BookingStatus outcome) {
        if (outcome != BookingStatus.ATTENDED && outcome != BookingStatus.NO_SHOW) {
            throw new IllegalArgumentException("Not an outcome: " + outcome);
        }
        return change(bookingId, outcome, Actor.RECRUITER, null, (s, b, now, changed) -> {
            if (changed) {
                messages.cancelEverythingPending(s, b, "interview over");
            }
        });
    }

    /**
     * Moves an active booking to another open slot: a new revision. The old revision's pending messages are
     * cancelled and, for an approved booking, the candidate is told the new time and gets the new time's reminders
     * (a confirmed booking must confirm again).
     */
    public Booking reschedule(long bookingId, long newSlotId, Actor actor) {
        Instant now = clock.instant();
        try {
            return db.inTransaction(s -> {
                Booking b = lock(s, bookingId);
                if (!b.getStatus().isActive()) {
                    throw new RuleViolation("", "booking.error.transition", b.getStatus(), b.getStatus());
                }
                Slot target = s.find(Slot.class, newSlotId);
                if (target == null || target.getStatus() != SlotStatus.OPEN || target.getRecruiterId() != b.getRecruiterId()) {
                    throw new RuleViolation("", "booking.error.slotGone");
                }
                if (!target.getStartAt().isAfter(now)) {
                    throw new RuleViolation("", "booking.error.slotPast");
                }
                if (b.getSlotId() == newSlotId) {
                    return b;
                }
                s.persist(b.reschedule(newSlotId, actor, now));
                s.flush();
                messages.cancelOlderRevisions(s, b);
                if (b.getStatus() != BookingStatus.REQUESTED) {
                    messages.approvedRevision(s, b, NoticeKind.RESCHEDULED, now);
                }
                log.info("booking.rescheduled id={} slot={} rev={} by={}", bookingId, newSlotId, b.getRevision(), actor);
                return b;
            });
        } catch (ConstraintViolationException e) {
            throw translate(e);
        }
    }

    public Booking find(long bookingId) {
        return db.inTransaction(s -> {
            Booking b = s.find(Booking.class, bookingId);
            if (b == null) {
                throw new RuleViolation("", "booking.error.gone");
            }
            return b;
        });
    }

    /** Every recorded change of a booking, oldest first. */
    public List<BookingEvent> history(long bookingId) {
        return db.inTransaction(s -> s.createSelectionQuery("from BookingEvent where bookingId = :b order by at, id", BookingEvent.class)
                .setParameter("b", bookingId).getResultList());
    }

    /** What a change also does, in its transaction; {@code changed} is false when the booking already had the status. */
    @FunctionalInterface
    private interface Effects {
        void apply(Session s, Booking booking, Instant now, boolean changed);
    }

    private Booking change(long bookingId, BookingStatus next, Actor actor, String note, Effects effects) {
        Instant now = clock.instant();
        try {
            return db.inTransaction(s -> {
                Booking booking = lock(s, bookingId);
                // a confirmed booking is approved already: approving it again changes nothing
                boolean changed = booking.getStatus() != next
                        && !(next == BookingStatus.APPROVED && booking.getStatus() == BookingStatus.CONFIRMED);
                if (changed && !booking.getStatus().canBecome(next)) {
                    throw new RuleViolation("", "booking.error.transition", booking.getStatus(), next);
                }
                if (changed) {
                    s.persist(booking.transition(next, actor, note, now));
                    s.flush();
                    log.info("booking.{} id={} by={}", next.name().toLowerCase(), bookingId, actor);
                }
                effects.apply(s, booking, now, changed);
                return booking;
            });
        } catch (ConstraintViolationException e) {
            throw translate(e);
        }
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
