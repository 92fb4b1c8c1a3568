package dev.recruitdesk.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recruitdesk.MutableClock;
import dev.recruitdesk.accounts.TestCallers;
import dev.recruitdesk.delivery.DeliveryOps;
import dev.recruitdesk.delivery.MessageQuery;
import dev.recruitdesk.delivery.OutboxSignal;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.Booking;
import dev.recruitdesk.domain.BookingStatus;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.OutboxMessage;
import dev.recruitdesk.domain.OutboxStatus;
import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.TestDatabases;
import dev.recruitdesk.telegram.CallbackCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Moving slots (open ones directly, booked ones with their booking) and publishing many in one transaction. */
class SlotMoveAndBatchTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant TEN = Instant.parse("2026-12-03T10:00:00Z");
    private static final Duration HALF_HOUR = Duration.ofMinutes(30);

    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(NOW);
    private final OutboxSignal signal = new OutboxSignal();
    private Database db;
    private SlotService slots;
    private BookingService bookings;
    private DeliveryOps ops;
    private long recruiter;

    @BeforeEach
    void open() {
        db = TestDatabases.h2(tmp);
        slots = new SlotService(db, clock);
        bookings = TestBookings.service(db, clock, signal, CallbackCodec.fromBase64Key(CallbackCodec.generateKey()));
        ops = new DeliveryOps(db, clock, signal);
        recruiter = new RecruiterService(db).ensureDefault("Anna", ZoneId.of("Europe/Moscow")).getId();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void openSlotMovesAndResizesUnderTheCreateRules() {
        SlotRow a = slots.create(TestCallers.ADMIN, recruiter, TEN, HALF_HOUR, "room 3");
        slots.create(TestCallers.ADMIN, recruiter, TEN.plus(Duration.ofHours(2)), HALF_HOUR, null);

        SlotRow moved = slots.move(TestCallers.ADMIN, a.id(), a.version(), TEN.plus(Duration.ofMinutes(45)), Duration.ofMinutes(60));
        assertThat(moved.start()).isEqualTo(TEN.plus(Duration.ofMinutes(45)));
        assertThat(moved.minutes()).isEqualTo(60);
        assertThat(moved.place()).isEqualTo("room 3");
        assertThat(slots.list(TestCallers.ADMIN, recruiter, NOW, NOW.plus(Duration.ofDays(7)))).extracting(SlotRow::id, SlotRow::start)
                .contains(org.assertj.core.groups.Tuple.tuple(a.id(), TEN.plus(Duration.ofMinutes(45))));

        assertThatThrownBy(() -> slots.move(TestCallers.ADMIN, a.id(), moved.version(), TEN.plus(Duration.ofMinutes(100)), HALF_HOUR))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("slot.error.overlap"));
        assertThatThrownBy(() -> slots.move(TestCallers.ADMIN, a.id(), moved.version(), NOW.minusSeconds(60), HALF_HOUR))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("slot.error.past"));
        assertThatThrownBy(() -> slots.move(TestCallers.ADMIN, a.id(), moved.version(), TEN, Duration.ofMinutes(2)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("slot.error.duration"));
    }

    @Test
    void bookedSlotIsNotMovedAlone() {
        SlotRow a = slots.create(TestCallers.ADMIN, recruiter, TEN, HALF_HOUR, null);
        bookings.request(a.id(), candidate("Ivan"), Actor.CANDIDATE);
        assertThatThrownBy(() -> slots.move(TestCallers.ADMIN, a.id(), a.version(), TEN.plus(Duration.ofHours(1)), HALF_HOUR))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("slot.error.bookedMove"));
    }

    @Test
    void bookedSlotMovesWithItsBookingOneRescheduledMessageAndNewReminders() {
        SlotRow a = slots.create(TestCallers.ADMIN, recruiter, TEN, HALF_HOUR, "https://meet.example/rd");
        Booking b = bookings.request(a.id(), candidate("Ivan"), Actor.CANDIDATE);
        TestBookings.approve(bookings, b.getId());
        bookings.confirm(b.getId());
        Instant later = TEN.plus(Duration.ofDays(1)).plus(Duration.ofHours(3));

        Booking moved = TestBookings.rescheduleInPlace(bookings, b.getId(), later, Duration.ofMinutes(45), Actor.RECRUITER);

        assertThat(moved.getRevision()).isEqualTo(2);
        assertThat(moved.getSlotId()).isEqualTo(a.id());
        assertThat(moved.getStatus()).isEqualTo(BookingStatus.APPROVED);
        SlotRow row = slots.list(TestCallers.ADMIN, recruiter, NOW, NOW.plus(Duration.ofDays(7))).get(0);
        assertThat(row.start()).isEqualTo(later);
        assertThat(row.minutes()).isEqualTo(45);
        List<OutboxMessage> rows = ops.list(MessageQuery.all().withBookingId(b.getId()));
        assertThat(rows).filteredOn(m -> m.getKind().equals("rescheduled")).hasSize(1)
                .allSatisfy(m -> assertThat(m.getStatus()).isEqualTo(OutboxStatus.PENDING));
        assertThat(rows).filteredOn(m -> m.getBookingRevision() == 2 && m.getKind().startsWith("reminder_"))
                .isNotEmpty().allSatisfy(m -> {
                    assertThat(m.getStatus()).isEqualTo(OutboxStatus.PENDING);
                    assertThat(m.getDueAt()).isBefore(later).isAfter(TEN);
                });
        assertThat(rows).filteredOn(m -> m.getBookingRevision() == 1 && m.getKind().startsWith("reminder_"))
                .isNotEmpty().allSatisfy(m -> assertThat(m.getStatus()).isEqualTo(OutboxStatus.CANCELLED));

        // the same move again changes nothing and sends nothing
        TestBookings.rescheduleInPlace(bookings, b.getId(), later, Duration.ofMinutes(45), Actor.RECRUITER);
        assertThat(ops.list(MessageQuery.all().withBookingId(b.getId()).withStatuses(Set.of(OutboxStatus.PENDING))))
                .filteredOn(m -> m.getKind().equals("rescheduled")).hasSize(1);
        assertThat(bookings.find(b.getId()).getRevision()).isEqualTo(2);
    }

    @Test
    void bookedMoveRefusesAnOverlap() {
        SlotRow a = slots.create(TestCallers.ADMIN, recruiter, TEN, HALF_HOUR, null);
        slots.create(TestCallers.ADMIN, recruiter, TEN.plus(Duration.ofHours(1)), HALF_HOUR, null);
        Booking b = bookings.request(a.id(), candidate("Ivan"), Actor.CANDIDATE);
        assertThatThrownBy(() -> TestBookings.rescheduleInPlace(bookings, b.getId(), TEN.plus(Duration.ofMinutes(45)), HALF_HOUR, Actor.RECRUITER))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("slot.error.overlap"));
        assertThat(bookings.find(b.getId()).getRevision()).isEqualTo(1);
    }

    @Test
    void createManyIsAllOrNothingAndReportsProgress() {
        slots.create(TestCallers.ADMIN, recruiter, TEN.plus(Duration.ofHours(5)), HALF_HOUR, null);
        List<SlotDraft> drafts = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            drafts.add(new SlotDraft(TEN.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(30L * i)), HALF_HOUR, "x"));
        }
        List<Integer> progress = new ArrayList<>();
        List<SlotRow> created = slots.createMany(TestCallers.ADMIN, recruiter, drafts, progress::add);
        assertThat(created).hasSize(450);
        assertThat(progress).containsExactly(200, 400, 450);

        List<SlotDraft> clashing = List.of(new SlotDraft(TEN, HALF_HOUR, null), new SlotDraft(TEN.plus(Duration.ofHours(5)), HALF_HOUR, null));
        assertThatThrownBy(() -> slots.createMany(TestCallers.ADMIN, recruiter, clashing))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("slot.error.batchOverlap"));
        assertThat(slots.list(TestCallers.ADMIN, recruiter, TEN.minusSeconds(1), TEN.plusSeconds(1))).isEmpty();
    }

    private long candidate(String name) {
        long id = new CandidateService(db).create(TestCallers.ADMIN, name, "Asia/Novosibirsk").getId();
        db.run(s -> s.find(Candidate.class, id).bindTelegram(7_000 + id, 7_000 + id, name.toLowerCase()));
        return id;
    }
}
