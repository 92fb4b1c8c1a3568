package dev.recruitdesk.booking;

import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.Booking;
import dev.recruitdesk.domain.BookingEvent;
import dev.recruitdesk.domain.BookingStatus;
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

/** The booking state machine as use cases: request, approve, reject, confirm, decline, cancel, outcome. */
public class BookingService {

    private static final Logger log = LoggerFactory.getLogger(BookingService.class);

    private final Database db;
    private final Clock clock;

    public BookingService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
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

    public Booking approve(long bookingId) {
        return change(bookingId, BookingStatus.APPROVED, Actor.RECRUITER, null);
    }

    public Booking reject(long bookingId, String note) {
        return change(bookingId, BookingStatus.REJECTED, Actor.RECRUITER, note);
    }

    public Booking confirm(long bookingId) {
        return change(bookingId, BookingStatus.CONFIRMED, Actor.CANDIDATE, null);
    }

    public Booking decline(long bookingId, String reason) {
        return change(bookingId, BookingStatus.DECLINED, Actor.CANDIDATE, reason);
    }

    public Booking cancel(long bookingId, Actor actor, String note) {
        return change(bookingId, BookingStatus.CANCELLED, actor, note);
    }

    public Booking markOutcome(long bookingId, BookingStatus outcome) {
        if (outcome != BookingStatus.ATTENDED && outcome != BookingStatus.NO_SHOW) {
            throw new IllegalArgumentException("Not an outcome: " + outcome);
        }
        return change(bookingId, outcome, Actor.RECRUITER, null);
    }

    /** Every recorded change of a booking, oldest first. */
    public List<BookingEvent> history(long bookingId) {
        return db.inTransaction(s -> s.createSelectionQuery("from BookingEvent where bookingId = :b order by at, id", BookingEvent.class)
                .setParameter("b", bookingId).getResultList());
    }

    /** Moves a booking to another open future slot of its recruiter: a new revision (see {@link #rescheduleIn}). */
    public Booking reschedule(long bookingId, long newSlotId, Actor actor) {
        return db.inTransaction(s -> rescheduleIn(s, bookingId, newSlotId, actor));
    }

    // ---- the same use cases inside a caller's transaction (the bot handles an update in one transaction with its
    // stored offset). The slot is locked before the checks, so the unique constraints stay a backstop that a
    // single writer never hits (PostgreSQL would abort the caller's whole transaction on a violation).

    /** {@link #request} inside {@code s}'s transaction. */
    public Booking requestIn(Session s, long slotId, long candidateId, Actor actor) {
        Instant now = clock.instant();
        Slot slot = lockOpenFutureSlot(s, slotId, now);
        if (s.find(Candidate.class, candidateId, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw new IllegalArgumentException("No candidate " + candidateId);
        }
        if (activeOnSlot(s, slotId) != null) {
            throw new RuleViolation("", "booking.error.slotTaken");
        }
        Booking mine = activeOf(s, candidateId, slot.getRecruiterId());
        if (mine != null) {
            throw new RuleViolation("", "booking.error.alreadyBooked");
        }
        Booking booking = new Booking(slotId, candidateId, slot.getRecruiterId(), now);
        s.persist(booking);
        s.flush();
        s.persist(BookingEvent.created(booking, actor, now));
        log.info("booking.requested id={} slot={} candidate={} by={}", booking.getId(), slotId, candidateId, actor);
        return booking;
    }

    /** A status change inside {@code s}'s transaction; a booking already in {@code next} is returned unchanged. */
    public Booking changeIn(Session s, long bookingId, BookingStatus next, Actor actor, String note) {
        Booking booking = lock(s, bookingId);
        if (booking.getStatus() == next) {
            return booking;
        }
        if (!booking.getStatus().canBecome(next)) {
            throw new RuleViolation("", "booking.error.transition", booking.getStatus(), next);
        }
        s.persist(booking.transition(next, actor, note, clock.instant()));
        log.info("booking.{} id={} by={}", next.name().toLowerCase(), bookingId, actor);
        return booking;
    }

    /**
     * Moves an active booking to another open future slot of the same recruiter inside {@code s}'s transaction:
     * revision+1, the old slot is free at once.
     */
    public Booking rescheduleIn(Session s, long bookingId, long newSlotId, Actor actor) {
        Instant now = clock.instant();
        Booking booking = lock(s, bookingId);
        if (!booking.getStatus().isActive()) {
            throw new RuleViolation("", "booking.error.transition", booking.getStatus(), booking.getStatus());
        }
        if (booking.getSlotId() == newSlotId) {
            return booking;
        }
        Slot slot = lockOpenFutureSlot(s, newSlotId, now);
        if (slot.getRecruiterId() != booking.getRecruiterId() || activeOnSlot(s, newSlotId) != null) {
            throw new RuleViolation("", "booking.error.slotTaken");
        }
        s.persist(booking.reschedule(newSlotId, actor, now));
        s.flush();
        log.info("booking.rescheduled id={} slot={} revision={} by={}", bookingId, newSlotId, booking.getRevision(), actor);
        return booking;
    }

    /** Adds a note to a booking's history without changing it (the candidate's reason after ❌). */
    public void noteIn(Session s, long bookingId, Actor actor, String note) {
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

    private static Slot lockOpenFutureSlot(Session s, long slotId, Instant now) {
        Slot slot = s.find(Slot.class, slotId, LockModeType.PESSIMISTIC_WRITE);
        if (slot == null || slot.getStatus() != SlotStatus.OPEN) {
            throw new RuleViolation("", "booking.error.slotGone");
        }
        if (!slot.getStartAt().isAfter(now)) {
            throw new RuleViolation("", "booking.error.slotPast");
        }
        return slot;
    }

    private Booking change(long bookingId, BookingStatus next, Actor actor, String note) {
        Instant now = clock.instant();
        try {
            return db.inTransaction(s -> {
                Booking booking = lock(s, bookingId);
                if (booking.getStatus() == next) {
                    return booking;
                }
                if (!booking.getStatus().canBecome(next)) {
                    throw new RuleViolation("", "booking.error.transition", booking.getStatus(), next);
                }
                s.persist(booking.transition(next, actor, note, now));
                log.info("booking.{} id={} by={}", next.name().toLowerCase(), bookingId, actor);
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
