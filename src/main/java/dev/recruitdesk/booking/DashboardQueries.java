package dev.recruitdesk.booking;

import dev.recruitdesk.accounts.Caller;
import dev.recruitdesk.domain.BookingStatus;
import dev.recruitdesk.domain.OutboxStatus;
import dev.recruitdesk.reminders.ReminderKind;
import dev.recruitdesk.store.Database;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;

/**
 * The dashboard's reads: one aggregated query per fact (bookings with slot and candidate, first approval and last
 * confirmation per booking, reminders sent per booking and kind, delivery outcomes), handed to the pure
 * {@link DashboardCalculator}. Read-only; one short transaction per call.
 */
public class DashboardQueries {

    /** Weeks of history the dashboard looks at, this week included. */
    public static final int WEEKS = 8;

    /** Reminder kinds by the outbox kind their rows carry. */
    private static final Map<String, String> REMINDER_KINDS = Map.of(
            NoticeKind.REMINDER_DAY_BEFORE.keyName(), ReminderKind.DAY_BEFORE.keyName(),
            NoticeKind.REMINDER_CONFIRM_2H.keyName(), ReminderKind.CONFIRM_2H.keyName(),
            NoticeKind.REMINDER_STARTING_SOON.keyName(), ReminderKind.STARTING_SOON.keyName());
    private static final String BOOKINGS = " from Booking b join Slot sl on sl.id = b.slotId join Candidate c on c.id = b.candidateId"
            + " where (:all = true or b.recruiterId = :r) and ((sl.startAt >= :from and sl.startAt < :to) or (b.createdAt >= :from and b.createdAt < :to))";

    private final Database db;
    private final Clock clock;

    public DashboardQueries(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Everything the dashboard shows, with days and weeks in {@code zone}: the caller's own figures, or for an admin
     * every recruiter's ({@code onlyRecruiter} narrows it to one; null for all).
     */
    public DashboardCalculator.Dashboard dashboard(Caller caller, Long onlyRecruiter, ZoneId zone) {
        Long recruiterId = Scope.readFilter(caller, onlyRecruiter);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate firstMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(WEEKS - 1);
        Instant from = firstMonday.atStartOfDay(zone).toInstant();
        Instant to = today.plusDays(2).atStartOfDay(zone).toInstant();
        return db.inTransaction(s -> DashboardCalculator.compute(facts(s, recruiterId, from, to),
                deliveryOutcomes(s, recruiterId, today.minusDays(6).atStartOfDay(zone).toInstant()), zone, now));
    }

    /** The bookings whose slot starts in [from, to) or that were requested then, by slot start: the CSV export (scoped as {@link #dashboard}). */
    public List<BookingFact> bookingsBetween(Caller caller, Long onlyRecruiter, Instant from, Instant to) {
        Long recruiterId = Scope.readFilter(caller, onlyRecruiter);
        return db.inTransaction(s -> facts(s, recruiterId, from, to));
    }

    /** {@code recruiterId} null: every recruiter's. */
    private static List<BookingFact> facts(Session s, Long recruiterId, Instant from, Instant to) {
        boolean all = recruiterId == null;
        long rid = all ? 0 : recruiterId;
        List<Object[]> rows = s.createSelectionQuery("select b.id, c.name, sl.startAt, sl.endAt, b.status, b.createdAt" + BOOKINGS
                        + " order by sl.startAt, b.id", Object[].class)
                .setParameter("all", all).setParameter("r", rid).setParameter("from", from).setParameter("to", to).getResultList();
        Map<Long, Instant> approved = new HashMap<>();
        Map<Long, Instant> confirmed = new HashMap<>();
        s.createSelectionQuery("select e.bookingId, min(e.at) from BookingEvent e where e.toStatus = :st and e.bookingId in "
                        + "(select b.id" + BOOKINGS + ") group by e.bookingId", Object[].class)
                .setParameter("st", BookingStatus.APPROVED)
                .setParameter("all", all).setParameter("r", rid).setParameter("from", from).setParameter("to", to)
                .getResultList().forEach(r -> approved.put((Long) r[0], (Instant) r[1]));
        s.createSelectionQuery("select e.bookingId, max(e.at) from BookingEvent e where e.toStatus = :st and e.bookingId in "
                        + "(select b.id" + BOOKINGS + ") group by e.bookingId", Object[].class)
                .setParameter("st", BookingStatus.CONFIRMED)
                .setParameter("all", all).setParameter("r", rid).setParameter("from", from).setParameter("to", to)
                .getResultList().forEach(r -> confirmed.put((Long) r[0], (Instant) r[1]));
        Map<Long, Map<String, Instant>> reminders = new HashMap<>();
        s.createSelectionQuery("select m.bookingId, m.kind, min(m.sentAt) from OutboxMessage m where m.status = :sent "
                        + "and m.kind in (:kinds) and m.bookingId in (select b.id" + BOOKINGS + ") group by m.bookingId, m.kind", Object[].class)
                .setParameter("sent", OutboxStatus.SENT).setParameter("kinds", REMINDER_KINDS.keySet())
                .setParameter("all", all).setParameter("r", rid).setParameter("from", from).setParameter("to", to)
                .getResultList().forEach(r -> reminders.computeIfAbsent((Long) r[0], k -> new LinkedHashMap<>())
                        .put(REMINDER_KINDS.get((String) r[1]), (Instant) r[2]));
        List<BookingFact> facts = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            long id = (Long) r[0];
            facts.add(new BookingFact(id, (String) r[1], (Instant) r[2], (Instant) r[3], (BookingStatus) r[4], (Instant) r[5],
                    approved.get(id), confirmed.get(id), reminders.getOrDefault(id, Map.of())));
        }
        return facts;
    }

    /** SENT, FAILED and AMBIGUOUS messages since {@code from}: the time each reached its state, per state. */
    private static List<DashboardCalculator.DeliveryOutcome> deliveryOutcomes(Session s, Long recruiterId, Instant from) {
        // a recruiter's figures count the messages about their own bookings only
        SelectionQuery<Object[]> q = s.createSelectionQuery("select m.status, coalesce(m.sentAt, m.updatedAt) from OutboxMessage m "
                        + "where m.status in (:states) and coalesce(m.sentAt, m.updatedAt) >= :from"
                        + (recruiterId == null ? "" : " and m.bookingId in (select b.id from Booking b where b.recruiterId = :r)"),
                        Object[].class)
                .setParameter("states", List.of(OutboxStatus.SENT, OutboxStatus.FAILED, OutboxStatus.AMBIGUOUS))
                .setParameter("from", from);
        if (recruiterId != null) {
            q.setParameter("r", recruiterId);
        }
        return q.getResultList().stream()
                .map(r -> new DashboardCalculator.DeliveryOutcome((OutboxStatus) r[0], (Instant) r[1]))
                .toList();
    }
}
