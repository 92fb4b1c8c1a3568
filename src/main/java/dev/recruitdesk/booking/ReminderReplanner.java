package dev.recruitdesk.booking;

import dev.recruitdesk.domain.Booking;
import dev.recruitdesk.domain.BookingStatus;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a reminder policy change: every active APPROVED or CONFIRMED booking with a future slot gets the plan of its
 * current revision under the new policy. Planned reminders are enqueued (pending rows move to their new time,
 * new kinds are created); pending rows of kinds no longer planned are cancelled; sent and cancelled rows stay as
 * they are (the outbox's dedup rules), so nothing is sent twice.
 */
public final class ReminderReplanner {

    private static final Logger log = LoggerFactory.getLogger(ReminderReplanner.class);

    private final Clock clock;
    private final BookingMessages messages;

    ReminderReplanner(Clock clock, BookingMessages messages) {
        this.clock = clock;
        this.messages = messages;
    }

    /** Re-plans in the caller's transaction (the one that saves the policy). @return the bookings re-planned */
    public int replanFutureBookings(Session s) {
        Instant now = clock.instant();
        List<Booking> bookings = s.createSelectionQuery("select b from Booking b join Slot sl on sl.id = b.slotId "
                        + "where b.status in (:statuses) and sl.startAt > :now order by sl.startAt, b.id", Booking.class)
                .setParameter("statuses", List.of(BookingStatus.APPROVED, BookingStatus.CONFIRMED))
                .setParameter("now", now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        for (Booking b : bookings) {
            messages.replanReminders(s, b, now);
        }
        log.info("reminders.replanned bookings={}", bookings.size());
        return bookings.size();
    }
}
