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
