package dev.recruitdesk.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recruitdesk.MutableClock;
import dev.recruitdesk.accounts.TestCallers;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.Booking;
import dev.recruitdesk.domain.BookingStatus;
import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlotServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant TEN = Instant.parse("2026-12-02T10:00:00Z");

    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(NOW);
    private Database db;
    private SlotService slots;
    private long recruiter;

    @BeforeEach
    void open() {
        db = TestDatabases.h2(tmp);
        slots = new SlotService(db, clock);
        recruiter = new RecruiterService(db).ensureDefault("Anna", ZoneId.of("Europe/Moscow")).getId();
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void createdSlotIsListedInItsWeek() {
        SlotRow row = slots.create(TestCallers.ADMIN, recruiter, TEN, Duration.ofMinutes(45), "https://meet.example/abc");
        List<SlotRow> week = slots.list(TestCallers.ADMIN, recruiter, NOW, NOW.plus(Duration.ofDays(7)));
        assertThat(week).containsExactly(row);
        assertThat(row.end()).isEqualTo(TEN.plus(Duration.ofMinutes(45)));
        assertThat(row.place()).isEqualTo("https://meet.example/abc");
        assertThat(slots.list(TestCallers.ADMIN, recruiter, NOW.plus(Duration.ofDays(7)), NOW.plus(Duration.ofDays(14)))).isEmpty();
    }

    @Test
    void startInThePastIsRefused() {
        assertThatThrownBy(() -> slots.create(TestCallers.ADMIN, recruiter, NOW.minusSeconds(60), Duration.ofMinutes(30), null))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.field()).isEqualTo("start");
                    assertThat(v.messageKey()).isEqualTo("slot.error.past");
                });
    }

    @Test
    void overlapIsJudgedByRealLength() {
        slots.create(TestCallers.ADMIN, recruiter, TEN, Duration.ofMinutes(90), null);
        assertThatThrownBy(() -> slots.create(TestCallers.ADMIN, recruiter, TEN.plus(Duration.ofMinutes(80)), Duration.ofMinutes(30), null))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.messageKey()).isEqualTo("slot.error.overlap");
                    assertThat(v.args()).containsExactly(TEN, TEN.plus(Duration.ofMinutes(90)));
                });
        assertThatThrownBy(() -> slots.create(TestCallers.ADMIN, recruiter, TEN.minus(Duration.ofMinutes(20)), Duration.ofMinutes(30), null))
                .isInstanceOf(RuleViolation.class);
        SlotRow adjacent = slots.create(TestCallers.ADMIN, recruiter, TEN.plus(Duration.ofMinutes(90)), Duration.ofMinutes(30), null);
        assertThat(adjacent.start()).isEqualTo(TEN.plus(Duration.ofMinutes(90)));
    }

    @Test
    void durationOutsideBoundsIsRefused() {
        for (int minutes : new int[] {0, 4, 481}) {
            assertThatThrownBy(() -> slots.create(TestCallers.ADMIN, recruiter, TEN, Duration.ofMinutes(minutes), null))
                    .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.field()).isEqualTo("duration"));
        }
    }

    @Test
    void databaseRefusesABadDurationEvenWithoutTheUseCase() throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("INSERT INTO slot (recruiter_id, start_at, end_at, status, created_at) VALUES ("
                    + recruiter + ", TIMESTAMP WITH TIME ZONE '2026-12-02 10:00:00+00', TIMESTAMP WITH TIME ZONE '2026-12-02 10:03:00+00', 'OPEN', CURRENT_TIMESTAMP)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("SLOT_DURATION_BOUNDS");
        }
    }

    @Test
    void unbookedSlotIsDeletedAndBookedOneIsRefused() {
        SlotRow free = slots.create(TestCallers.ADMIN, recruiter, TEN, Duration.ofMinutes(30), null);
        SlotRow taken = slots.create(TestCallers.ADMIN, recruiter, TEN.plus(Duration.ofHours(1)), Duration.ofMinutes(30), null);
        long candidate = new CandidateService(db).create(TestCallers.ADMIN, "Ivan Petrov", "Europe/Moscow").getId();
        TestBookings.service(db, clock).request(taken.id(), candidate, Actor.CANDIDATE);

        slots.delete(TestCallers.ADMIN, free.id());
        assertThatThrownBy(() -> slots.delete(TestCallers.ADMIN, taken.id()))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("slot.error.booked"));

        List<SlotRow> week = slots.list(TestCallers.ADMIN, recruiter, NOW, NOW.plus(Duration.ofDays(7)));
        assertThat(week).extracting(SlotRow::id).containsExactly(taken.id());
        assertThat(week.get(0).bookingStatus()).isEqualTo(BookingStatus.REQUESTED);
        assertThat(week.get(0).candidateName()).isEqualTo("Ivan Petrov");
    }

    @Test
    void slotWithOnlyEndedBookingsIsKeptForHistoryButHidden() {
        SlotRow slot = slots.create(TestCallers.ADMIN, recruiter, TEN, Duration.ofMinutes(30), null);
        long candidate = new CandidateService(db).create(TestCallers.ADMIN, "Ivan Petrov", "Europe/Moscow").getId();
        BookingService bookings = TestBookings.service(db, clock);
        Booking b = bookings.request(slot.id(), candidate, Actor.CANDIDATE);
        TestBookings.reject(bookings, b.getId(), "no");

        slots.delete(TestCallers.ADMIN, slot.id());

        assertThat(slots.list(TestCallers.ADMIN, recruiter, NOW, NOW.plus(Duration.ofDays(7)))).isEmpty();
        assertThat(bookings.history(b.getId())).extracting(e -> e.getToStatus())
                .containsExactly(BookingStatus.REQUESTED, BookingStatus.REJECTED);
    }

    @Test
    void slotsSurviveReopeningTheDatabase() {
        SlotRow row = slots.create(TestCallers.ADMIN, recruiter, TEN, Duration.ofMinutes(30), "Office 3");
        db.close();
        db = TestDatabases.h2(tmp);
        slots = new SlotService(db, clock);
        assertThat(slots.list(TestCallers.ADMIN, recruiter, NOW, NOW.plus(Duration.ofDays(7)))).containsExactly(row);
    }

    @Test
    void racingOverlappingCreationsOnH2LeaveOneSlot() throws Exception {
        assertOneOfTwoRacingCreationsWins(db, slots, recruiter);
    }

    @Test
    void racingOverlappingCreationsOnPostgresLeaveOneSlot() throws Exception {
        try (Database pg = TestDatabases.postgres()) {
            long pgRecruiter = new RecruiterService(pg).ensureDefault("Anna", ZoneId.of("Europe/Moscow")).getId();
            assertOneOfTwoRacingCreationsWins(pg, new SlotService(pg, clock), pgRecruiter);
        }
    }

    private void assertOneOfTwoRacingCreationsWins(Database database, SlotService service, long recruiterId) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            Callable<Boolean> create = () -> {
                go.await();
                try {
                    service.create(TestCallers.ADMIN, recruiterId, TEN, Duration.ofMinutes(60), null);
                    return true;
                } catch (RuleViolation e) {
                    return false;
                }
            };
            Future<Boolean> a = pool.submit(create);
            Future<Boolean> b = pool.submit(create);
            go.countDown();
            assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(true, false);
            assertThat(service.list(TestCallers.ADMIN, recruiterId, NOW, NOW.plus(Duration.ofDays(7)))).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
