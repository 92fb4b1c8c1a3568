package dev.recruitdesk.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recruitdesk.MutableClock;
import dev.recruitdesk.accounts.TestCallers;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.Booking;
import dev.recruitdesk.domain.BookingEvent;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BookingServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant TEN = Instant.parse("2026-12-02T10:00:00Z");

    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(NOW);
    private Database db;
    private BookingService bookings;
    private SlotService slots;
    private CandidateService candidates;
    private long recruiter;

    @BeforeEach
    void open() {
        db = TestDatabases.h2(tmp);
        bookings = TestBookings.service(db, clock);
        slots = new SlotService(db, clock);
        candidates = new CandidateService(db);
        recruiter = new RecruiterService(db).ensureDefault("Anna", ZoneId.of("Europe/Moscow")).getId();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void secondActiveBookingOfASlotIsAClearRefusal() {
        long slot = slots.create(TestCallers.ADMIN, recruiter, TEN, Duration.ofMinutes(30), null).id();
        long ivan = candidates.create(TestCallers.ADMIN, "Ivan Petrov", "Europe/Moscow").getId();
        long olga = candidates.create(TestCallers.ADMIN, "Olga Sidorova", "Asia/Novosibirsk").getId();
        bookings.request(slot, ivan, Actor.CANDIDATE);
        assertThatThrownBy(() -> bookings.request(slot, olga, Actor.CANDIDATE))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("booking.error.slotTaken"));
    }

    @Test
    void candidateHasOneActiveBookingPerRecruiterUntilItEnds() {
        long first = slots.create(TestCallers.ADMIN, recruiter, TEN, Duration.ofMinutes(30), null).id();
        long second = slots.create(TestCallers.ADMIN, recruiter, TEN.plus(Duration.ofHours(2)), Duration.ofMinutes(30), null).id();
        long ivan = candidates.create(TestCallers.ADMIN, "Ivan Petrov", "Europe/Moscow").getId();
        Booking b = bookings.request(first, ivan, Actor.CANDIDATE);
        assertThatThrownBy(() -> bookings.request(second, ivan, Actor.CANDIDATE))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("booking.error.alreadyBooked"));

        TestBookings.approve(bookings, b.getId());
        bookings.decline(b.getId(), "ill");

        Booking again = bookings.request(second, ivan, Actor.CANDIDATE);
        assertThat(again.getStatus()).isEqualTo(BookingStatus.REQUESTED);
        // the declined booking freed its slot too
        long olga = candidates.create(TestCallers.ADMIN, "Olga Sidorova", "Europe/Moscow").getId();
        assertThat(bookings.request(first, olga, Actor.CANDIDATE).getSlotId()).isEqualTo(first);
    }

    @Test
    void databaseItselfRefusesTwoActiveBookingsOfOneSlot() throws SQLException {
        long slot = slots.create(TestCallers.ADMIN, recruiter, TEN, Duration.ofMinutes(30), null).id();
        long ivan = candidates.create(TestCallers.ADMIN, "Ivan Petrov", "Europe/Moscow").getId();
        long olga = candidates.create(TestCallers.ADMIN, "Olga Sidorova", "Europe/Moscow").getId();
        bookings.request(slot, ivan, Actor.CANDIDATE);
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("INSERT INTO booking (slot_id, candidate_id, recruiter_id, status, revision, "
                    + "active_slot_id, active_candidate_key, created_at, updated_at) VALUES (" + slot + ", " + olga + ", " + recruiter
                    + ", 'REQUESTED', 1, " + slot + ", '" + olga + ":" + recruiter + "', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("BOOKING_ONE_ACTIVE_PER_SLOT");
            // and an active booking must carry its keys: the check constraint refuses one that dodges the unique index
            assertThatThrownBy(() -> st.execute("INSERT INTO booking (slot_id, candidate_id, recruiter_id, status, revision, "
                    + "created_at, updated_at) VALUES (" + slot + ", " + olga + ", " + recruiter
                    + ", 'APPROVED', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("BOOKING_ACTIVE_KEYS");
        }
    }

    @Test
    void everyStatusChangeIsRecordedWithActorAndTime() {
        long slot = slots.create(TestCallers.ADMIN, recruiter, TEN, Duration.ofMinutes(30), null).id();
        long ivan = candidates.create(TestCallers.ADMIN, "Ivan Petrov", "Europe/Moscow").getId();
        Booking b = bookings.request(slot, ivan, Actor.CANDIDATE);
        clock.advance(Duration.ofMinutes(5));
        TestBookings.approve(bookings, b.getId());
        clock.advance(Duration.ofMinutes(5));
        bookings.confirm(b.getId());
        clock.advance(Duration.ofHours(30));
        TestBookings.markOutcome(bookings, b.getId(), BookingStatus.ATTENDED);

        List<BookingEvent> history = bookings.history(b.getId());
        assertThat(history).extracting(BookingEvent::getToStatus)
                .containsExactly(BookingStatus.REQUESTED, BookingStatus.APPROVED, BookingStatus.CONFIRMED, BookingStatus.ATTENDED);
        assertThat(history).extracting(BookingEvent::getActor)
                .containsExactly(Actor.CANDIDATE, Actor.RECRUITER, Actor.CANDIDATE, Actor.RECRUITER);
        assertThat(history.get(1).getAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void repeatingAChangeIsHarmlessAndAnIllegalOneIsRefused() {
        long slot = slots.create(TestCallers.ADMIN, recruiter, TEN, Duration.ofMinutes(30), null).id();
        long ivan = candidates.create(TestCallers.ADMIN, "Ivan Petrov", "Europe/Moscow").getId();
        Booking b = bookings.request(slot, ivan, Actor.CANDIDATE);
        TestBookings.approve(bookings, b.getId());
        TestBookings.approve(bookings, b.getId());
        assertThat(bookings.history(b.getId())).hasSize(2);
        TestBookings.cancel(bookings, b.getId(), Actor.RECRUITER, "moved on");
        assertThatThrownBy(() -> TestBookings.approve(bookings, b.getId()))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("booking.error.transition"));
        assertThat(bookings.history(b.getId())).extracting(BookingEvent::getNote).containsExactly(null, null, "moved on");
    }

    @Test
    void pastOrMissingSlotCannotBeRequested() {
        long slot = slots.create(TestCallers.ADMIN, recruiter, TEN, Duration.ofMinutes(30), null).id();
        long ivan = candidates.create(TestCallers.ADMIN, "Ivan Petrov", "Europe/Moscow").getId();
        clock.set(TEN.plusSeconds(1));
        assertThatThrownBy(() -> bookings.request(slot, ivan, Actor.CANDIDATE))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("booking.error.slotPast"));
        assertThatThrownBy(() -> bookings.request(99999, ivan, Actor.CANDIDATE))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("booking.error.slotGone"));
    }

    @Test
    void committedChangesAreAnnouncedAndRefusedOnesAreNot() {
        List<BookingChanges.Change> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        bookings.changes().subscribe(heard::add);
        long slot = slots.create(TestCallers.ADMIN, recruiter, TEN, Duration.ofMinutes(30), null).id();
        long ivan = candidates.create(TestCallers.ADMIN, "Ivan Petrov", "Europe/Moscow").getId();
        long olga = candidates.create(TestCallers.ADMIN, "Olga Sidorova", "Europe/Moscow").getId();
        Booking b = bookings.request(slot, ivan, Actor.CANDIDATE);
        assertThatThrownBy(() -> bookings.request(slot, olga, Actor.CANDIDATE)).isInstanceOf(RuleViolation.class);
        TestBookings.approve(bookings, b.getId());
        TestBookings.approve(bookings, b.getId());

        assertThat(heard).extracting(BookingChanges.Change::status).containsExactly(BookingStatus.REQUESTED, BookingStatus.APPROVED);
        assertThat(heard.get(0).candidateId()).isEqualTo(ivan);
        assertThat(heard.get(0).actor()).isEqualTo(Actor.CANDIDATE);
    }

    @Test
    void twentyCandidatesRacingForOneSlotOnPostgresLeaveOneBooking() throws Exception {
        try (Database pg = TestDatabases.postgres()) {
            BookingService pgBookings = TestBookings.service(pg, clock);
            long pgRecruiter = new RecruiterService(pg).ensureDefault("Anna", ZoneId.of("Europe/Moscow")).getId();
            long slot = new SlotService(pg, clock).create(TestCallers.ADMIN, pgRecruiter, TEN, Duration.ofMinutes(30), null).id();
            CandidateService pgCandidates = new CandidateService(pg);
            List<Long> people = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                people.add(pgCandidates.create(TestCallers.ADMIN, "Candidate " + i, "Europe/Moscow").getId());
            }
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            try {
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<String>> outcomes = new java.util.ArrayList<>();
                for (long person : people) {
                    outcomes.add(pool.submit(() -> {
                        go.await();
                        try {
                            pgBookings.request(slot, person, Actor.CANDIDATE);
                            return "booked";
                        } catch (RuleViolation v) {
                            return v.messageKey();
                        }
                    }));
                }
                go.countDown();
                List<String> results = new java.util.ArrayList<>();
                for (var f : outcomes) {
                    results.add(f.get());
                }
                assertThat(results).filteredOn("booked"::equals).hasSize(1);
                assertThat(results).filteredOn(r -> !r.equals("booked")).containsOnly("booking.error.slotTaken");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void afterTheInterviewTheRecruiterRecordsPassedOrFailed() {
        long slot = slots.create(TestCallers.ADMIN, recruiter, TEN, Duration.ofMinutes(30), null).id();
        long ivan = candidates.create(TestCallers.ADMIN, "Ivan Petrov", "Europe/Moscow").getId();
        Booking b = bookings.request(slot, ivan, Actor.CANDIDATE);
        TestBookings.approve(bookings, b.getId());
        clock.set(TEN.plus(Duration.ofMinutes(40)));
        TestBookings.markOutcome(bookings, b.getId(), BookingStatus.ATTENDED);
        assertThat(TestBookings.markOutcome(bookings, b.getId(), BookingStatus.PASSED).getStatus()).isEqualTo(BookingStatus.PASSED);
        assertThat(BookingStatus.PASSED.showedUp()).isTrue();
        assertThat(BookingStatus.NO_SHOW.showedUp()).isFalse();
        assertThatThrownBy(() -> TestBookings.markOutcome(bookings, b.getId(), BookingStatus.FAILED))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("booking.error.transition"));
        assertThatThrownBy(() -> TestBookings.markOutcome(bookings, b.getId(), BookingStatus.CANCELLED)).isInstanceOf(IllegalArgumentException.class);
        assertThat(bookings.history(b.getId())).extracting(BookingEvent::getToStatus).endsWith(BookingStatus.ATTENDED, BookingStatus.PASSED);
    }
}
