package dev.recruitdesk.booking;

import dev.recruitdesk.accounts.Caller;
import dev.recruitdesk.delivery.DeliveryOps;
import dev.recruitdesk.delivery.MessageQuery;
import dev.recruitdesk.domain.Booking;
import dev.recruitdesk.domain.BookingEvent;
import dev.recruitdesk.domain.BookingStatus;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.DeliveryAttempt;
import dev.recruitdesk.domain.OutboxMessage;
import dev.recruitdesk.domain.Slot;
import dev.recruitdesk.domain.SlotStatus;
import dev.recruitdesk.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.query.SelectionQuery;

/**
 * The console's read models: each list is one query (joins, no per-row look-ups). Plain Java, called off the FX
 * thread; every method opens its own read transaction.
 */
public class BookingQueries {

    /** "Soon": an approved booking still unconfirmed this close to its start needs the recruiter's attention. */
    public static final Duration SOON = Duration.ofHours(1);
    /** The most messages a timeline shows (newest first); older ones are in the delivery screens. */
    static final int TIMELINE_MESSAGES = 200;

    private static final String ROW = "select b, s, c, r.name from Booking b join Slot s on s.id = b.slotId join Candidate c on c.id = b.candidateId"
            + " join Recruiter r on r.id = b.recruiterId";

    private final Database db;
    private final Clock clock;
    private final DeliveryOps delivery;

    public BookingQueries(Database db, Clock clock, DeliveryOps delivery) {
        this.db = db;
        this.clock = clock;
        this.delivery = delivery;
    }

    /**
     * Requests waiting for approval, oldest first: the caller's own, or for an admin every recruiter's
     * ({@code onlyRecruiter} narrows an admin's list to one recruiter; null for all).
     */
    public List<BookingRow> requests(Caller caller, Long onlyRecruiter) {
        Long r = Scope.readFilter(caller, onlyRecruiter);
        return db.inTransaction(s -> rows(withRecruiter(s.createSelectionQuery(ROW + " where " + recruiterIs(r) + " b.status = :st order by b.createdAt, b.id",
                        Object[].class), r)
                .setParameter("st", BookingStatus.REQUESTED)));
    }

    private static String recruiterIs(Long recruiterId) {
        return recruiterId == null ? "" : "b.recruiterId = :r and";
    }

    private static <T> SelectionQuery<T> withRecruiter(SelectionQuery<T> q, Long recruiterId) {
        return recruiterId == null ? q : q.setParameter("r", recruiterId);
    }

    /**
     * The bookings matching {@code f} that the caller may see (as {@link #requests}), by interview time (upcoming
     * lists soonest first, past lists latest first).
     */
    public List<BookingRow> bookings(Caller caller, Long onlyRecruiter, BookingFilter f) {
        Long recruiterId = Scope.readFilter(caller, onlyRecruiter);
        StringBuilder q = new StringBuilder(ROW).append(recruiterId == null ? " where 1 = 1" : " where b.recruiterId = :r");
        if (f.from() != null) {
            q.append(" and s.startAt >= :from");
        }
        if (f.to() != null) {
            q.append(" and s.startAt < :to");
        }
        if (!f.statuses().isEmpty()) {
            q.append(" and b.status in :statuses");
        }
        if (f.confirmed() != null) {
            q.append(f.confirmed() ? " and b.status = :confirmed" : " and b.status = :unconfirmed");
        }
        boolean pastOnly = f.from() == null && f.to() != null;
        q.append(pastOnly ? " order by s.startAt desc, b.id desc" : " order by s.startAt, b.id");
        return db.inTransaction(s -> {
            SelectionQuery<Object[]> query = withRecruiter(s.createSelectionQuery(q.toString(), Object[].class), recruiterId);
            if (f.from() != null) {
                query.setParameter("from", f.from());
            }
            if (f.to() != null) {
                query.setParameter("to", f.to());
            }
            if (!f.statuses().isEmpty()) {
                query.setParameter("statuses", f.statuses());
            }
            if (f.confirmed() != null) {
                query.setParameter(f.confirmed() ? "confirmed" : "unconfirmed", f.confirmed() ? BookingStatus.CONFIRMED : BookingStatus.APPROVED);
            }
            return rows(query.setMaxResults(f.limit()));
        });
    }

    /** One booking with its slot and candidate (for a toast about it, or a row refreshed after a conflict). */
    public BookingRow booking(Caller caller, long bookingId) {
        BookingRow row = db.inTransaction(s -> rows(s.createSelectionQuery(ROW + " where b.id = :id", Object[].class).setParameter("id", bookingId)))
                .stream().findFirst().orElseThrow(() -> new RuleViolation("", "booking.error.gone"));
        Scope.require(caller, row.recruiterId(), "booking", bookingId);
        return row;
    }

    /** The recruiter's open, unbooked slots starting after now: where a booking can move to. */
    public List<SlotRow> openSlots(Caller caller, long recruiterId, int limit) {
        Scope.require(caller, recruiterId, "schedule", recruiterId);
        Instant now = clock.instant();
        return db.inTransaction(s -> s.createSelectionQuery("from Slot sl where sl.recruiterId = :r and sl.status = :open and sl.startAt > :now "
                        + "and not exists (select 1 from Booking b where b.activeSlotId = sl.id) order by sl.startAt", Slot.class)
                .setParameter("r", recruiterId)
                .setParameter("open", SlotStatus.OPEN)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList().stream()
                .map(sl -> new SlotRow(sl.getId(), sl.getStartAt(), sl.getEndAt(), sl.getPlace(), sl.getStatus(), null, null, null,
                        sl.getVersion(), null))
                .toList());
    }

    /** What needs the recruiter now: requests waiting, and approved bookings unconfirmed within {@link #SOON} of their start. */
    public record Attention(long requests, long unconfirmedSoon) {
        public long total() {
            return requests + unconfirmedSoon;
        }
    }

    /** What needs attention among the bookings the caller sees (as {@link #requests}). */
    public Attention attention(Caller caller, Long onlyRecruiter) {
        Long recruiterId = Scope.readFilter(caller, onlyRecruiter);
        Instant now = clock.instant();
        return db.inTransaction(s -> {
            long requests = withRecruiter(s.createSelectionQuery("select count(b) from Booking b where " + recruiterIs(recruiterId)
                            + " b.status = :st", Long.class), recruiterId)
                    .setParameter("st", BookingStatus.REQUESTED).getSingleResult();
            long soon = withRecruiter(s.createSelectionQuery("select count(b) from Booking b join Slot s on s.id = b.slotId where "
                            + recruiterIs(recruiterId) + " b.status = :st and s.startAt > :now and s.startAt <= :soon", Long.class), recruiterId)
                    .setParameter("st", BookingStatus.APPROVED)
                    .setParameter("now", now).setParameter("soon", now.plus(SOON)).getSingleResult();
            return new Attention(requests, soon);
        });
    }

    /**
     * Every candidate the caller may see (an admin: all; a recruiter: their own, see {@link Scope}) with the state of
     * their latest booking, by name: one query (the list filters in memory).
     */
    public List<CandidateRow> candidates(Caller caller) {
        boolean all = caller.isAdmin();
        long r = caller.recruiterId();
        return db.inTransaction(s -> s.doReturningWork(c -> {
            List<CandidateRow> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT c.id, c.name, c.username, c.phone, c.time_zone, c.chat_id, c.reachable, "
                    + "b.status, sl.start_at, (SELECT COUNT(*) FROM waiting_entry w WHERE w.candidate_id = c.id) FROM candidate c "
                    + "LEFT JOIN booking b ON b.id = (SELECT MAX(b2.id) FROM booking b2 WHERE b2.candidate_id = c.id"
                    + (all ? "" : " AND b2.recruiter_id = ?") + ") "
                    + "LEFT JOIN slot sl ON sl.id = b.slot_id" + (all ? "" : " WHERE " + Scope.CANDIDATE_OF_RECRUITER_SQL)
                    + " ORDER BY LOWER(c.name), c.id")) {
                if (!all) {
                    for (int i = 1; i <= 4; i++) {
                        ps.setLong(i, r);
                    }
                }
                try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String status = rs.getString(8);
                    OffsetDateTime start = rs.getObject(9, OffsetDateTime.class);
                    out.add(new CandidateRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getObject(6) != null, rs.getBoolean(7), status == null ? null : BookingStatus.valueOf(status),
                            start == null ? null : start.toInstant(), rs.getLong(10) > 0));
                }
                }
            }
            return out;
        }));
    }

    /** One candidate's row, fresh (after an action on them). */
    public CandidateRow candidate(Caller caller, long candidateId) {
        db.run(s -> Scope.requireCandidate(s, caller, candidateId));
        return candidates(caller).stream().filter(r -> r.id() == candidateId).findFirst()
                .orElseThrow(() -> new RuleViolation("", "candidate.error.gone"));
    }

    /**
     * The candidate's history, newest first: every change of every booking (with actor and note), every message
     * queued for them and every delivery attempt (outcome, Telegram message id, error). Three queries.
     */
    public List<TimelineEntry> timeline(Caller caller, long candidateId) {
        db.run(s -> Scope.requireCandidate(s, caller, candidateId));
        List<TimelineEntry> out = new ArrayList<>();
        // a recruiter sees only their own bookings' part of a candidate shared with another recruiter
        java.util.Set<Long> foreign = caller.isAdmin() ? java.util.Set.of() : new java.util.HashSet<>(db.inTransaction(s -> s.createSelectionQuery(
                        "select b.id from Booking b where b.candidateId = :c and b.recruiterId <> :r", Long.class)
                .setParameter("c", candidateId).setParameter("r", caller.recruiterId()).getResultList()));
        List<OutboxMessage> messages = delivery.list(MessageQuery.all().withCandidateId(candidateId).page(0, TIMELINE_MESSAGES)).stream()
                .filter(m -> m.getBookingId() == null || !foreign.contains(m.getBookingId())).toList();
        Map<Long, OutboxMessage> byId = messages.stream().collect(Collectors.toMap(OutboxMessage::getId, Function.identity()));
        db.run(s -> {
            s.createSelectionQuery("select e from BookingEvent e join Booking b on b.id = e.bookingId where b.candidateId = :c", BookingEvent.class)
                    .setParameter("c", candidateId).getResultList().stream()
                    .filter(e -> !foreign.contains(e.getBookingId()))
                    .forEach(e -> out.add(new TimelineEntry.StatusChange(e.getAt(), e.getBookingId(), e.getRevision(), e.getFromStatus(),
                            e.getToStatus(), e.getActor(), e.getNote())));
            if (!byId.isEmpty()) {
                s.createSelectionQuery("from DeliveryAttempt where messageId in :ids", DeliveryAttempt.class)
                        .setParameter("ids", byId.keySet()).getResultList()
                        .forEach(a -> out.add(new TimelineEntry.Delivery(a.getStartedAt(), a.getMessageId(), byId.get(a.getMessageId()).getKind(),
                                a.getAttemptNo(), a.getOutcome(), a.getTelegramMessageId(), a.getError())));
            }
        });
        messages.forEach(m -> out.add(new TimelineEntry.MessageQueued(m.getCreatedAt(), m.getId(), m.getKind(), m.getText(), m.getStatus(),
                m.getBookingId(), m.getLastError())));
        out.sort(Comparator.comparing(TimelineEntry::at).thenComparing(BookingQueries::order).reversed());
        return out;
    }

    /** At the same instant a change comes before the message it caused, and a message before its attempts. */
    private static int order(TimelineEntry e) {
        if (e instanceof TimelineEntry.StatusChange) {
            return 0;
        }
        return e instanceof TimelineEntry.MessageQueued ? 1 : 2;
    }

    private static List<BookingRow> rows(SelectionQuery<Object[]> query) {
        return query.getResultList().stream().map(r -> row((Booking) r[0], (Slot) r[1], (Candidate) r[2], (String) r[3])).toList();
    }

    private static BookingRow row(Booking b, Slot s, Candidate c, String recruiterName) {
        return new BookingRow(b.getId(), b.getStatus(), b.getRevision(), b.getCreatedAt(), b.getUpdatedAt(), c.getId(), c.getName(),
                c.getUsername(), c.getZone(), c.isReachable(), s.getId(), s.getStartAt(), s.getEndAt(), s.getPlace(),
                b.getVersion(), b.getRecruiterId(), recruiterName);
    }

}
