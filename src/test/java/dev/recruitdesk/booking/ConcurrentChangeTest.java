package dev.recruitdesk.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recruitdesk.MutableClock;
import dev.recruitdesk.accounts.Caller;
import dev.recruitdesk.accounts.TestCallers;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.Booking;
import dev.recruitdesk.domain.BookingStatus;
import dev.recruitdesk.domain.Role;
import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.DatabaseSettings;
import dev.recruitdesk.store.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Optimistic locking on a real PostgreSQL database with two consoles (two connection pools, two service
 * instances): two recruiters acting on the same booking as they both saw it → exactly one wins, the other is told
 * who changed it; a change by the candidate through the bot reads as "the candidate".
 */
class ConcurrentChangeTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final int ROUNDS = 5;

    private final MutableClock clock = new MutableClock(NOW);
    private final AtomicInteger hour = new AtomicInteger();
    private Database first;
    private Database second;
    private BookingService anna;
    private BookingService maria;
    private SlotService slots;
    private CandidateService candidates;
    private long recruiter;
    private Caller annaCaller;
    private Caller mariaCaller;

    @BeforeEach
    void open() {
        DatabaseSettings shared = TestDatabases.freshPostgres();
        first = Database.open(shared);
        second = Database.open(shared);
        anna = TestBookings.service(first, clock);
        maria = TestBookings.service(second, clock);
        slots = new SlotService(first, clock);
        candidates = new CandidateService(first, clock);
        recruiter = new RecruiterService(first).ensureDefault("Anna", ZoneId.of("Europe/Moscow")).getId();
        annaCaller = TestCallers.recruiter("Anna", recruiter);
        // an admin on another console: may act on Anna's bookings too
        mariaCaller = new Caller(null, "Maria", Role.ADMIN, recruiter);
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
    }

    private long slot() {
        return slots.create(annaCaller, recruiter, NOW.plus(Duration.ofDays(1)).plus(Duration.ofHours(hour.getAndIncrement())),
                Duration.ofMinutes(30), null).id();
    }

    private Booking request() {
        long candidate = candidates.create(annaCaller, "Ivan " + hour.get(), "Europe/Moscow").getId();
        return anna.request(slot(), candidate, Actor.CANDIDATE);
    }

    /** Runs both at once (released together) and returns each one's outcome: its result or its exception. */
    private static List<Object> race(Callable<Object> a, Callable<Object> b) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<Object> work : List.of(a, b)) {
                futures.add(pool.submit(() -> {
                    go.await();
                    try {
                        return work.call();
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            go.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoConsolesApprovingTheSameRequestAsSeenLeaveOneWinnerAndNameItToTheOther() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Booking seen = request();
            List<Object> outcomes = race(() -> anna.approve(annaCaller, seen.getId(), seen.getVersion()),
                    () -> maria.approve(mariaCaller, seen.getId(), seen.getVersion()));

            assertThat(outcomes).filteredOn(Booking.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(ConcurrentChange.class::isInstance).hasSize(1);
            String winner = outcomes.get(0) instanceof Booking ? "Anna" : "Maria";
            ConcurrentChange lost = (ConcurrentChange) outcomes.stream().filter(ConcurrentChange.class::isInstance).findFirst().orElseThrow();
            assertThat(lost.changedBy()).isEqualTo(winner);
            assertThat(lost.actor()).isEqualTo(Actor.RECRUITER);
            assertThat(lost.at()).isEqualTo(NOW);
            assertThat(anna.history(seen.getId())).extracting(e -> e.getToStatus())
                    .containsExactly(BookingStatus.REQUESTED, BookingStatus.APPROVED);
        }
    }

    @Test
    void twoConsolesReschedulingTheSameBookingAsSeenMoveItOnce() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Booking seen = request();
            anna.approve(annaCaller, seen.getId(), seen.getVersion());
            Booking approved = anna.find(seen.getId());
            long annasSlot = slot();
            long mariasSlot = slot();
            List<Object> outcomes = race(() -> anna.reschedule(annaCaller, approved.getId(), approved.getVersion(), annasSlot),
                    () -> maria.reschedule(mariaCaller, approved.getId(), approved.getVersion(), mariasSlot));

            assertThat(outcomes).filteredOn(Booking.class::isInstance).hasSize(1);
            Booking moved = anna.find(seen.getId());
            boolean annaWon = outcomes.get(0) instanceof Booking;
            assertThat(moved.getSlotId()).isEqualTo(annaWon ? annasSlot : mariasSlot);
            assertThat(moved.getRevision()).isEqualTo(approved.getRevision() + 1);
            ConcurrentChange lost = (ConcurrentChange) outcomes.get(annaWon ? 1 : 0);
            assertThat(lost.changedBy()).isEqualTo(annaWon ? "Anna" : "Maria");
        }
    }

    @Test
    void approvingWhatTheOtherConsoleJustRescheduledIsRefusedWithItsName() {
        Booking seen = request();
        maria.reschedule(mariaCaller, seen.getId(), seen.getVersion(), slot());
        clock.advance(Duration.ofSeconds(20));

        assertThatThrownBy(() -> anna.approve(annaCaller, seen.getId(), seen.getVersion()))
                .isInstanceOfSatisfying(ConcurrentChange.class, c -> {
                    assertThat(c.changedBy()).isEqualTo("Maria");
                    assertThat(c.at()).isEqualTo(NOW);
                    assertThat(c.entity()).isEqualTo("booking");
                    assertThat(c.entityId()).isEqualTo(seen.getId());
                });
        assertThat(anna.find(seen.getId()).getStatus()).as("nothing changed").isEqualTo(BookingStatus.REQUESTED);
    }

    @Test
    void aChangeByTheCandidateThroughTheBotReadsAsTheCandidate() {
        Booking seen = request();
        anna.approve(annaCaller, seen.getId(), seen.getVersion());
        Booking approved = anna.find(seen.getId());
        clock.advance(Duration.ofMinutes(3));
        // the candidate presses ✅ in Telegram while the recruiter looks at the approved booking
        maria.confirm(seen.getId());

        assertThatThrownBy(() -> anna.cancel(annaCaller, seen.getId(), approved.getVersion(), "moved on"))
                .isInstanceOfSatisfying(ConcurrentChange.class, c -> {
                    assertThat(c.actor()).isEqualTo(Actor.CANDIDATE);
                    assertThat(c.changedBy()).isNull();
                    assertThat(c.at()).isEqualTo(NOW.plus(Duration.ofMinutes(3)));
                });
        assertThat(anna.find(seen.getId()).getStatus()).isEqualTo(BookingStatus.CONFIRMED);
    }

    @Test
    void twoConsolesMovingTheSameSlotAsSeenMoveItOnce() throws Exception {
        SlotRow seen = slots.create(annaCaller, recruiter, NOW.plus(Duration.ofDays(3)), Duration.ofMinutes(30), null);
        SlotService mariasSlots = new SlotService(second, clock);
        List<Object> outcomes = race(
                () -> slots.move(annaCaller, seen.id(), seen.version(), seen.start().plus(Duration.ofHours(1)), Duration.ofMinutes(30)),
                () -> mariasSlots.move(mariaCaller, seen.id(), seen.version(), seen.start().plus(Duration.ofHours(2)), Duration.ofMinutes(45)));

        assertThat(outcomes).filteredOn(SlotRow.class::isInstance).hasSize(1);
        ConcurrentChange lost = (ConcurrentChange) outcomes.stream().filter(ConcurrentChange.class::isInstance).findFirst().orElseThrow();
        assertThat(lost.entity()).isEqualTo("slot");
        assertThat(lost.changedBy()).isEqualTo(outcomes.get(0) instanceof SlotRow ? "Anna" : "Maria");
    }

    @Test
    void movingABookedSlotTheOtherConsoleJustMovedIsRefusedWithItsName() {
        Booking seen = request();
        Instant start = slots.list(annaCaller, recruiter, NOW, NOW.plus(Duration.ofDays(3))).stream()
                .filter(r -> r.id() == seen.getSlotId()).findFirst().orElseThrow().start();
        maria.rescheduleInPlace(mariaCaller, seen.getId(), seen.getVersion(), start.plus(Duration.ofHours(5)), Duration.ofMinutes(30));

        assertThatThrownBy(() -> anna.rescheduleInPlace(annaCaller, seen.getId(), seen.getVersion(), start.plus(Duration.ofHours(7)),
                Duration.ofMinutes(30)))
                .isInstanceOfSatisfying(ConcurrentChange.class, c -> assertThat(c.changedBy()).isEqualTo("Maria"));
        assertThat(anna.find(seen.getId()).getRevision()).isEqualTo(seen.getRevision() + 1);
    }
}
