package dev.recruitdesk.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.recruitdesk.MutableClock;
import dev.recruitdesk.accounts.Caller;
import dev.recruitdesk.accounts.TestCallers;
import dev.recruitdesk.delivery.DeliveryOps;
import dev.recruitdesk.delivery.OutboxSignal;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.AuditEntry;
import dev.recruitdesk.domain.Booking;
import dev.recruitdesk.domain.BookingStatus;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.Language;
import dev.recruitdesk.domain.OutboxMessage;
import dev.recruitdesk.domain.Role;
import dev.recruitdesk.reminders.ReminderKind;
import dev.recruitdesk.reminders.ReminderPolicy;
import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.TestDatabases;
import dev.recruitdesk.telegram.TemplateCatalog;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every recruiter action leaves one audit row, in its own transaction, with who, what, when and short renderings
 * of the row before and after; on a real PostgreSQL database. Refused actions leave none.
 */
class AuditTrailTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant TEN = Instant.parse("2026-12-02T10:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private Database db;
    private long recruiter;
    private Caller anna;

    @BeforeEach
    void open() {
        db = TestDatabases.postgres();
        recruiter = new RecruiterService(db, clock).ensureDefault("Anna", ZoneId.of("Europe/Moscow")).getId();
        anna = new Caller(null, "Anna", Role.ADMIN, recruiter);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<AuditEntry> audit() {
        return db.inTransaction(s -> s.createSelectionQuery("from AuditEntry order by id", AuditEntry.class).getResultList());
    }

    @Test
    void aRepresentativeDayOfRecruiterActionsIsAuditedWithBeforeAndAfter() {
        SlotService slots = new SlotService(db, clock);
        BookingService bookings = TestBookings.service(db, clock);
        CandidateService candidates = new CandidateService(db, clock);

        SlotRow slot = slots.create(anna, recruiter, TEN, Duration.ofMinutes(30), "Room 3");
        SlotRow moved = slots.move(anna, slot.id(), slot.version(), TEN.plus(Duration.ofHours(1)), Duration.ofMinutes(45));
        long other = slots.create(anna, recruiter, TEN.plus(Duration.ofHours(3)), Duration.ofMinutes(30), null).id();
        Candidate ivan = candidates.create(anna, "Ivan Petrov", "Europe/Moscow", "ivan_petrov", null);
        db.run(s -> s.find(Candidate.class, ivan.getId()).bindTelegram(501, 501, "ivan_petrov"));
        Booking b = bookings.request(slot.id(), ivan.getId(), Actor.CANDIDATE);
        clock.advance(Duration.ofMinutes(5));
        Booking approved = bookings.approve(anna, b.getId(), b.getVersion());
        Booking rescheduled = bookings.reschedule(anna, b.getId(), approved.getVersion(), other);
        clock.set(TEN.plus(Duration.ofHours(4)));
        bookings.markOutcome(anna, b.getId(), rescheduled.getVersion(), BookingStatus.NO_SHOW);
        new TemplateService(db, clock, new TemplateCatalog()).save(anna, "help", Language.EN, "Write to us any time.");
        new ReminderPolicyService(db, clock).save(anna, ReminderPolicy.defaults().withEnabled(ReminderKind.DAY_BEFORE, false));
        long failed = db.inTransaction(s -> s.createSelectionQuery("from OutboxMessage where bookingId = :b order by id", OutboxMessage.class)
                .setParameter("b", b.getId()).setMaxResults(1).getSingleResult().getId());
        db.run(s -> s.createNativeMutationQuery("UPDATE outbox_message SET status = 'FAILED' WHERE id = " + failed).executeUpdate());
        new MessageActions(db, new DeliveryOps(db, clock, new OutboxSignal()), clock).resend(anna, failed);

        List<AuditEntry> audit = audit();
        assertThat(audit).extracting(AuditEntry::getAction, AuditEntry::getEntity, AuditEntry::getActorName).containsExactly(
                tuple("slot.create", "slot", "Anna"),
                tuple("slot.move", "slot", "Anna"),
                tuple("slot.create", "slot", "Anna"),
                tuple("candidate.create", "candidate", "Anna"),
                tuple("booking.approve", "booking", "Anna"),
                tuple("booking.reschedule", "booking", "Anna"),
                tuple("booking.outcome", "booking", "Anna"),
                tuple("template.save", "template", "Anna"),
                tuple("policy.update", "reminder_policy", "Anna"),
                tuple("message.resend", "outbox_message", "Anna"));
        assertThat(audit.get(0)).extracting(AuditEntry::getEntityId, AuditEntry::getBefore, AuditEntry::getAfter)
                .containsExactly(slot.id(), null, "OPEN 2026-12-02T10:00:00Z 30min Room 3");
        assertThat(audit.get(1)).extracting(AuditEntry::getBefore, AuditEntry::getAfter)
                .containsExactly("OPEN 2026-12-02T10:00:00Z 30min Room 3", "OPEN 2026-12-02T11:00:00Z 45min Room 3");
        assertThat(moved.version()).isGreaterThan(slot.version());
        assertThat(audit.get(4)).extracting(AuditEntry::getEntityId, AuditEntry::getAt, AuditEntry::getBefore, AuditEntry::getAfter)
                .containsExactly(b.getId(), NOW.plus(Duration.ofMinutes(5)),
                        "REQUESTED rev 1 slot " + slot.id() + " at 2026-12-02T11:00:00Z 45min",
                        "APPROVED rev 1 slot " + slot.id() + " at 2026-12-02T11:00:00Z 45min");
        assertThat(audit.get(5)).extracting(AuditEntry::getBefore, AuditEntry::getAfter)
                .containsExactly("APPROVED rev 1 slot " + slot.id() + " at 2026-12-02T11:00:00Z 45min",
                        "APPROVED rev 2 slot " + other + " at 2026-12-02T13:00:00Z 30min");
        assertThat(audit.get(6).getAfter()).startsWith("NO_SHOW rev 2");
        assertThat(audit.get(7).getBefore()).isEqualTo("help/en default");
        assertThat(audit.get(7).getAfter()).isEqualTo("help/en v1: Write to us any time.");
        assertThat(audit.get(8).getBefore()).contains("day_before=24 h");
        assertThat(audit.get(8).getAfter()).contains("day_before=off");
        assertThat(audit.get(9)).extracting(AuditEntry::getEntityId, AuditEntry::getAfter).containsExactly(failed, "PENDING");
        assertThat(audit.get(9).getBefore()).startsWith("FAILED ");
    }

    @Test
    void aBulkApprovalAuditsEachBookingAndARefusedOneAuditsNothing() {
        SlotService slots = new SlotService(db, clock);
        BookingService bookings = TestBookings.service(db, clock);
        CandidateService candidates = new CandidateService(db, clock);
        List<Booking> requests = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long slot = slots.create(anna, recruiter, TEN.plus(Duration.ofHours(i)), Duration.ofMinutes(30), null).id();
            requests.add(bookings.request(slot, candidates.create(anna, "Candidate " + i, "Europe/Moscow").getId(), Actor.CANDIDATE));
        }
        long before = audit().size();
        java.util.Map<Long, Long> seen = new java.util.LinkedHashMap<>();
        requests.forEach(r -> seen.put(r.getId(), r.getVersion()));

        bookings.approveAll(anna, seen);

        List<AuditEntry> added = audit().subList((int) before, audit().size());
        assertThat(added).extracting(AuditEntry::getAction, AuditEntry::getEntityId).containsExactly(
                tuple("booking.approve", requests.get(0).getId()),
                tuple("booking.approve", requests.get(1).getId()),
                tuple("booking.approve", requests.get(2).getId()));

        long after = audit().size();
        Caller stranger = TestCallers.recruiter("Boris", recruiter + 1000);
        assertThatThrownBy(() -> bookings.approveAll(stranger, seen)).isInstanceOf(dev.recruitdesk.accounts.AccessDenied.class);
        assertThatThrownBy(() -> bookings.approveAll(anna, seen)).as("the versions seen are stale now").isInstanceOf(ConcurrentChange.class);
        assertThat(audit()).hasSize((int) after);
    }
}
