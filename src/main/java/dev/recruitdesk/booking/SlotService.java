package dev.recruitdesk.booking;

import dev.recruitdesk.domain.Booking;
import dev.recruitdesk.domain.BookingStatus;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.Recruiter;
import dev.recruitdesk.domain.Slot;
import dev.recruitdesk.domain.SlotStatus;
import dev.recruitdesk.store.Database;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishing, listing and removing slots. */
public class SlotService {

    private static final Logger log = LoggerFactory.getLogger(SlotService.class);

    /** Runs in the transaction that published a slot (e.g. to tell the waiting list). */
    @FunctionalInterface
    public interface AfterCreate {
        void created(Session s, Slot slot);
    }

    private final Database db;
    private final Clock clock;
    private volatile AfterCreate afterCreate = (s, slot) -> { };

    public SlotService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Sets what runs in every slot-creating transaction after the slot is stored; one hook, set at wiring time. */
    public void onCreated(AfterCreate hook) {
        this.afterCreate = java.util.Objects.requireNonNull(hook, "hook");
    }

    /**
     * Publishes a slot. Refuses a start in the past, a duration outside 5–480 minutes and any overlap with the
     * recruiter's other open slots (by their real length). Creations for one recruiter are serialised by a row
     * lock on the recruiter, so two consoles cannot both pass the overlap check.
     */
    public SlotRow create(long recruiterId, Instant start, Duration duration, String place) {
        checkDuration(duration);
        Instant now = clock.instant();
        if (!start.isAfter(now)) {
            throw new RuleViolation("start", "slot.error.past");
        }
        return db.inTransaction(s -> {
            lockRecruiter(s, recruiterId);
            Instant end = start.plus(duration);
            Slot clash = firstOverlap(s, recruiterId, start, end, null);
            if (clash != null) {
                throw new RuleViolation("start", "slot.error.overlap", clash.getStartAt(), clash.getEndAt());
            }
            Slot slot = new Slot(recruiterId, start, duration, place, now);
            s.persist(slot);
            s.flush();
            log.info("slot.created id={} recruiter={} start={} minutes={}", slot.getId(), recruiterId, start, duration.toMinutes());
            afterCreate.created(s, slot);
            return toRow(slot, null, null);
        });
    }

    /** The recruiter's slots (open and closed) starting in [from, to), with their active bookings. */
    public List<SlotRow> list(long recruiterId, Instant from, Instant to) {
        return db.inTransaction(s -> {
            List<Slot> slots = s.createSelectionQuery(
                            "from Slot where recruiterId = :r and startAt >= :from and startAt < :to and status <> :cancelled order by startAt",
                            Slot.class)
                    .setParameter("r", recruiterId)
                    .setParameter("from", from)
                    .setParameter("to", to)
                    .setParameter("cancelled", SlotStatus.CANCELLED)
                    .getResultList();
            if (slots.isEmpty()) {
                return List.of();
            }
            List<Booking> bookings = s.createSelectionQuery("from Booking where activeSlotId in :ids", Booking.class)
                    .setParameter("ids", slots.stream().map(Slot::getId).toList())
                    .getResultList();
            Map<Long, Booking> bySlot = bookings.stream().collect(Collectors.toMap(Booking::getSlotId, Function.identity()));
            Map<Long, String> names = bookings.isEmpty() ? Map.of() : s.createSelectionQuery("from Candidate where id in :ids", Candidate.class)
                    .setParameter("ids", bookings.stream().map(Booking::getCandidateId).toList())
                    .getResultList().stream().collect(Collectors.toMap(Candidate::getId, Candidate::getName));
            return slots.stream().map(slot -> {
                Booking b = bySlot.get(slot.getId());
                return toRow(slot, b, b == null ? null : names.get(b.getCandidateId()));
            }).toList();
        });
    }

    /**
     * Removes an unbooked slot. A slot with an active booking is refused (the console asks first and says so);
     * a slot with only past bookings is kept for their history and marked cancelled.
     */
    public void delete(long slotId) {
        db.run(s -> {
            Slot slot = s.find(Slot.class, slotId, LockModeType.PESSIMISTIC_WRITE);
            if (slot == null) {
                throw new RuleViolation("", "slot.error.gone");
            }
            Long active = s.createSelectionQuery("select count(*) from Booking where activeSlotId = :id", Long.class)
                    .setParameter("id", slotId).getSingleResult();
            if (active > 0) {
                throw new RuleViolation("", "slot.error.booked");
            }
            Long any = s.createSelectionQuery("select count(*) from Booking where slotId = :id", Long.class)
                    .setParameter("id", slotId).getSingleResult();
            if (any > 0) {
                slot.setStatus(SlotStatus.CANCELLED);
            } else {
                s.remove(slot);
            }
            log.info("slot.deleted id={} kept_for_history={}", slotId, any > 0);
        });
    }

    static void checkDuration(Duration duration) {
        try {
            Slot.requireDuration(duration);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("duration", "slot.error.duration", Slot.MIN_MINUTES, Slot.MAX_MINUTES);
        }
    }

    static void lockRecruiter(Session s, long recruiterId) {
        if (s.find(Recruiter.class, recruiterId, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw new IllegalArgumentException("No recruiter " + recruiterId);
        }
    }

    static Slot firstOverlap(Session s, long recruiterId, Instant start, Instant end, Long exceptSlotId) {
        List<Slot> found = s.createSelectionQuery(
                        "from Slot where recruiterId = :r and status = :open and startAt < :end and endAt > :start"
                                + (exceptSlotId == null ? "" : " and id <> :except") + " order by startAt", Slot.class)
                .setParameter("r", recruiterId)
                .setParameter("open", SlotStatus.OPEN)
                .setParameter("start", start)
                .setParameter("end", end)
                .setProperties(exceptSlotId == null ? Map.of() : Map.of("except", exceptSlotId))
                .setMaxResults(1)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    static SlotRow toRow(Slot slot, Booking booking, String candidateName) {
        BookingStatus status = booking == null ? null : booking.getStatus();
        return new SlotRow(slot.getId(), slot.getStartAt(), slot.getEndAt(), slot.getPlace(), slot.getStatus(),
                booking == null ? null : booking.getId(), status, candidateName);
    }
}
