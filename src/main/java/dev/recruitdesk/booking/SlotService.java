package dev.recruitdesk.booking;

import dev.recruitdesk.accounts.AuditLog;
import dev.recruitdesk.accounts.Caller;
import dev.recruitdesk.domain.Booking;
import dev.recruitdesk.domain.BookingStatus;
import dev.recruitdesk.domain.Recruiter;
import dev.recruitdesk.domain.Slot;
import dev.recruitdesk.domain.SlotStatus;
import dev.recruitdesk.store.Database;
import jakarta.persistence.LockModeType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishing (one or many), listing, moving and removing slots. */
public class SlotService {

    private static final Logger log = LoggerFactory.getLogger(SlotService.class);

    /** Slots per {@link #createMany} call: a year of 10-minute slots on weekdays fits, a runaway file does not. */
    public static final int MAX_BATCH = 20_000;
    private static final int FLUSH_EVERY = 200;

    /** Runs in the transaction that published a slot (e.g. to tell the waiting list). */
    @FunctionalInterface
    public interface AfterCreate {
        void created(Session s, Slot slot);
    }

    private final Database db;
    private final Clock clock;
    private final AuditLog audit;
    private volatile AfterCreate afterCreate = (s, slot) -> { };

    public SlotService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.audit = new AuditLog(clock);
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
    public SlotRow create(Caller caller, long recruiterId, Instant start, Duration duration, String place) {
        Scope.require(caller, recruiterId, "slot", recruiterId);
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
            audit.record(s, caller, "slot.create", "slot", slot.getId(), null, render(slot));
            return toRow(slot, null, null);
        });
    }

    /**
     * The recruiter's slots (open and closed) starting in [from, to), with their active bookings; a slot whose
     * latest booking was declined (and is free again) carries that booking, so screens can say so
     * ({@link SlotRow#isBooked()} tells the two apart). Two read-only projection queries whatever the count, so a
     * week of thousands of slots loads in milliseconds.
     */
    public List<SlotRow> list(Caller caller, long recruiterId, Instant from, Instant to) {
        Scope.require(caller, recruiterId, "schedule", recruiterId);
        // plain SQL: the console's first screen shows this while Hibernate still boots (Database.jdbc)
        return db.jdbc(c -> {
            List<SlotRow> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "select s.id, s.start_at, s.end_at, s.place, s.status, b.id, b.status, c.name, s.version, b.version"
                            + " from slot s left join booking b on b.active_slot_id = s.id left join candidate c on c.id = b.candidate_id"
                            + " where s.recruiter_id = ? and s.start_at >= ? and s.start_at < ? and s.status <> ?"
                            + " order by s.start_at, s.id")) {
                bindWeek(ps, recruiterId, from, to);
                ps.setString(4, SlotStatus.CANCELLED.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String bookingStatus = rs.getString(7);
                        rows.add(new SlotRow(rs.getLong(1), instant(rs, 2), instant(rs, 3), rs.getString(4),
                                SlotStatus.valueOf(rs.getString(5)), nullableLong(rs, 6),
                                bookingStatus == null ? null : BookingStatus.valueOf(bookingStatus), rs.getString(8),
                                rs.getLong(9), nullableLong(rs, 10)));
                    }
                }
            }
            if (rows.isEmpty()) {
                return List.of();
            }
            // the latest ended booking per slot, when it was a decline
            Map<Long, Declined> declined = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "select b.slot_id, b.id, b.status, c.name from booking b join slot s on s.id = b.slot_id"
                            + " left join candidate c on c.id = b.candidate_id"
                            + " where s.recruiter_id = ? and s.start_at >= ? and s.start_at < ? and b.active_slot_id is null"
                            + " order by b.id")) {
                bindWeek(ps, recruiterId, from, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        declined.put(rs.getLong(1), BookingStatus.DECLINED.name().equals(rs.getString(3))
                                ? new Declined(rs.getLong(2), rs.getString(4)) : null);
                    }
                }
            }
            if (declined.values().stream().allMatch(java.util.Objects::isNull)) {
                return rows;
            }
            List<SlotRow> out = new ArrayList<>(rows.size());
            for (SlotRow row : rows) {
                Declined d = row.bookingId() == null ? declined.get(row.id()) : null;
                out.add(d == null ? row : new SlotRow(row.id(), row.start(), row.end(), row.place(), row.status(),
                        d.bookingId(), BookingStatus.DECLINED, d.candidateName(), row.version(), null));
            }
            return out;
        });
    }

    private static void bindWeek(PreparedStatement ps, long recruiterId, Instant from, Instant to) throws SQLException {
        ps.setLong(1, recruiterId);
        ps.setObject(2, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        ps.setObject(3, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /**
     * Publishes many slots in one transaction, all or nothing. Under the recruiter's row lock every draft is checked
     * again (duration, past, overlap with open slots and with the other drafts), since the preview the recruiter saw
     * may be stale. {@code progress} hears how many were written so far (from the worker thread).
     */
    public List<SlotRow> createMany(Caller caller, long recruiterId, List<SlotDraft> drafts) {
        return createMany(caller, recruiterId, drafts, done -> { });
    }

    /** The batch is audited as one {@code slot.create.batch} row naming the count and the time range. */
    public List<SlotRow> createMany(Caller caller, long recruiterId, List<SlotDraft> drafts, IntConsumer progress) {
        Scope.require(caller, recruiterId, "slot", recruiterId);
        if (drafts.isEmpty()) {
            return List.of();
        }
        if (drafts.size() > MAX_BATCH) {
            throw new RuleViolation("", "slot.error.batchSize", MAX_BATCH);
        }
        drafts.forEach(d -> checkDuration(d.duration()));
        Instant now = clock.instant();
        return db.inTransaction(s -> {
            lockRecruiter(s, recruiterId);
            Instant min = drafts.stream().map(SlotDraft::start).min(Instant::compareTo).orElseThrow();
            Instant max = drafts.stream().map(SlotDraft::end).max(Instant::compareTo).orElseThrow();
            List<SlotBatch.Busy> busy = s.createSelectionQuery(
                            "select s.startAt, s.endAt from Slot s where s.recruiterId = :r and s.status = :open and s.startAt < :max and s.endAt > :min",
                            Object[].class)
                    .setParameter("r", recruiterId).setParameter("open", SlotStatus.OPEN)
                    .setParameter("min", min).setParameter("max", max)
                    .getResultList().stream().map(t -> new SlotBatch.Busy((Instant) t[0], (Instant) t[1])).toList();
            for (SlotBatch.Verdict v : SlotBatch.check(drafts, busy, now)) {
                if (!v.ok()) {
                    throw switch (v.problem()) {
                        case PAST -> new RuleViolation("start", "slot.error.batchPast", v.draft().start());
                        case OVERLAPS_EXISTING, OVERLAPS_BATCH -> new RuleViolation("start", "slot.error.batchOverlap",
                                v.draft().start(), v.clash().start(), v.clash().end());
                    };
                }
            }
            List<Slot> created = new ArrayList<>(drafts.size());
            for (SlotDraft d : drafts) {
                Slot slot = new Slot(recruiterId, d.start(), d.duration(), d.place(), now);
                s.persist(slot);
                created.add(slot);
                if (created.size() % FLUSH_EVERY == 0) {
                    s.flush();
                    progress.accept(created.size());
                }
            }
            s.flush();
            created.forEach(slot -> afterCreate.created(s, slot));
            progress.accept(created.size());
            log.info("slot.created.batch recruiter={} count={} first={} last={}", recruiterId, created.size(), min, max);
            audit.record(s, caller, "slot.create.batch", "recruiter", recruiterId, null,
                    created.size() + " slots " + min + " .. " + max + " ids " + created.get(0).getId() + ".." + created.get(created.size() - 1).getId());
            return created.stream().map(slot -> toRow(slot, null, null)).toList();
        });
    }

    /**
     * Moves or resizes an open, unbooked slot with the rules of {@link #create}: the new start in the future, the
     * duration within bounds, no overlap with the recruiter's other open slots. A booked slot is refused; it moves
     * with its booking through {@link BookingService#rescheduleInPlace}, which tells the candidate.
     */
    public SlotRow move(Caller caller, long slotId, long seenVersion, Instant newStart, Duration newDuration) {
        checkDuration(newDuration);
        Instant now = clock.instant();
        if (!newStart.isAfter(now)) {
            throw new RuleViolation("start", "slot.error.past");
        }
        return db.inTransaction(s -> {
            Slot slot = lockSlotAndRecruiter(s, slotId);
            Scope.require(caller, slot.getRecruiterId(), "slot", slotId);
            if (slot.getVersion() != seenVersion) {
                log.info("slot.conflict id={} seen={} now={}", slotId, seenVersion, slot.getVersion());
                throw ConcurrentChange.of(s, "slot", slotId);
            }
            if (slot.getStatus() != SlotStatus.OPEN) {
                throw new RuleViolation("", "slot.error.notOpen");
            }
            if (!slot.getStartAt().isAfter(now)) {
                throw new RuleViolation("", "slot.error.started");
            }
            Long active = s.createSelectionQuery("select count(*) from Booking where activeSlotId = :id", Long.class)
                    .setParameter("id", slotId).getSingleResult();
            if (active > 0) {
                throw new RuleViolation("", "slot.error.bookedMove");
            }
            Instant end = newStart.plus(newDuration);
            Slot clash = firstOverlap(s, slot.getRecruiterId(), newStart, end, slotId);
            if (clash != null) {
                throw new RuleViolation("start", "slot.error.overlap", clash.getStartAt(), clash.getEndAt());
            }
            Instant from = slot.getStartAt();
            String was = render(slot);
            slot.moveTo(newStart, newDuration);
            s.flush();
            log.info("slot.moved id={} from={} to={} minutes={}", slotId, from, newStart, newDuration.toMinutes());
            audit.record(s, caller, "slot.move", "slot", slotId, was, render(slot));
            return toRow(slot, null, null);
        });
    }

    private record Declined(long bookingId, String candidateName) {
    }

    /** Locks the slot's recruiter, then the slot: the order every slot-changing use case takes. */
    static Slot lockSlotAndRecruiter(Session s, long slotId) {
        List<Long> owner = s.createSelectionQuery("select recruiterId from Slot where id = :id", Long.class)
                .setParameter("id", slotId).getResultList();
        if (owner.isEmpty()) {
            throw new RuleViolation("", "slot.error.gone");
        }
        lockRecruiter(s, owner.get(0));
        Slot slot = s.find(Slot.class, slotId, LockModeType.PESSIMISTIC_WRITE);
        if (slot == null) {
            throw new RuleViolation("", "slot.error.gone");
        }
        return slot;
    }

    /**
     * Removes an unbooked slot. A slot with an active booking is refused (the console asks first and says so);
     * a slot with only past bookings is kept for their history and marked cancelled.
     */
    public void delete(Caller caller, long slotId) {
        db.run(s -> {
            Slot slot = s.find(Slot.class, slotId, LockModeType.PESSIMISTIC_WRITE);
            if (slot == null) {
                throw new RuleViolation("", "slot.error.gone");
            }
            Scope.require(caller, slot.getRecruiterId(), "slot", slotId);
            String was = render(slot);
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
            audit.record(s, caller, "slot.delete", "slot", slotId, was, any > 0 ? "CANCELLED (kept for history)" : "deleted");
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
                booking == null ? null : booking.getId(), status, candidateName, slot.getVersion(),
                booking == null ? null : booking.getVersion());
    }

    /** A short readable state for the audit: {@code OPEN 2026-12-01T10:00:00Z 30min place}. */
    static String render(Slot slot) {
        return slot.getStatus() + " " + slot.getStartAt() + " " + slot.getDuration().toMinutes() + "min"
                + (slot.getPlace() == null ? "" : " " + slot.getPlace());
    }
}
