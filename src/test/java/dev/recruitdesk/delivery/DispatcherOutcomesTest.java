package dev.recruitdesk.delivery;

import dev.recruitdesk.store.TestDatabases;
import dev.recruitdesk.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.recruitdesk.delivery.SendResult.Outcome;
import dev.recruitdesk.domain.AttemptOutcome;
import dev.recruitdesk.domain.DeliveryAttempt;
import dev.recruitdesk.domain.OutboxStatus;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the dispatcher handles each send outcome, leases, pacing, wake-ups and shutdown (H2 file, hand-moved clock). */
class DispatcherOutcomesTest {

    @TempDir
    Path dir;

    private MutableClock clock;
    private DeliveryFixture f;
    private ScriptedSender sender;

    @BeforeEach
    void open() {
        clock = new MutableClock(DeliveryFixture.T0);
        f = new DeliveryFixture(TestDatabases.h2(dir), clock);
        sender = new ScriptedSender();
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void floodControlPausesAllSendingAndIsNotCountedAsAnAttempt() {
        sender.then(SendResult.retryAfter(Duration.ofSeconds(30), "429 Too Many Requests: retry after 30", Duration.ofMillis(2)));
        f.enqueue("a", 1, "first");
        f.enqueue("b", 2, "second");
        Dispatcher d = f.start(sender);

        until(() -> f.message("a").getNextAttemptAt().equals(DeliveryFixture.T0.plusSeconds(30)));
        assertThat(f.message("a").getAttempts()).isZero();
        assertThat(f.status("b")).isEqualTo(OutboxStatus.PENDING);
        assertThat(sender.calls()).hasSize(1);
        assertThat(d.health().pausedUntil()).isEqualTo(DeliveryFixture.T0.plusSeconds(30));

        clock.advance(Duration.ofSeconds(30));
        d.wake();
        f.awaitStatus("a", OutboxStatus.SENT);
        f.awaitStatus("b", OutboxStatus.SENT);
        assertThat(outcomes("a")).containsExactly(AttemptOutcome.RETRY_AFTER, AttemptOutcome.SENT);
        assertThat(f.message("a").getAttempts()).isEqualTo(1);
    }

    @Test
    void transientFailuresBackOffExponentiallyThenSucceed() {
        sender.then(ScriptedSender.transientError("502 Bad Gateway"), ScriptedSender.transientError("connection refused"));
        Dispatcher d = f.start(sender);
        f.enqueue("k", 1, "hello");

        until(() -> f.message("k").getAttempts() == 1);
        assertThat(f.message("k").getNextAttemptAt()).isEqualTo(DeliveryFixture.T0.plusSeconds(1)); // half of 2 s, no jitter
        clock.advance(Duration.ofSeconds(1));
        d.wake();
        until(() -> f.message("k").getAttempts() == 2);
        assertThat(f.message("k").getNextAttemptAt()).isEqualTo(DeliveryFixture.T0.plusSeconds(1 + 2));
        clock.advance(Duration.ofSeconds(2));
        d.wake();

        f.awaitStatus("k", OutboxStatus.SENT);
        assertThat(outcomes("k")).containsExactly(AttemptOutcome.TRANSIENT, AttemptOutcome.TRANSIENT, AttemptOutcome.SENT);
        assertThat(f.ledger("k").get(0).getError()).isEqualTo("502 Bad Gateway");
    }

    @Test
    void attemptsRunOutThenTheMessageFails() {
        for (int i = 0; i < 3; i++) {
            sender.then(ScriptedSender.transientError("HTTP 500"));
        }
        Dispatcher d = f.start(sender, DeliveryFixture.fastSettings()
                .withRetry(new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(10), 3, () -> 0.0)));
        f.enqueue("k", 1, "hello");

        for (int attempt = 1; attempt < 3; attempt++) {
            int seen = attempt;
            until(() -> f.message("k").getAttempts() == seen);
            clock.advance(Duration.ofMinutes(10));
            d.wake();
        }
        f.awaitStatus("k", OutboxStatus.FAILED);
        assertThat(f.message("k").getAttempts()).isEqualTo(3);
        assertThat(sender.delivered()).isEmpty();
    }

    @Test
    void unreachableRecipientFailsAtOnceAndTheCandidateIsMarked() {
        DeliveryFixture.BookingRef b = f.booking(clock.instant().plus(Duration.ofHours(1)), 77);
        sender.then(ScriptedSender.failure(Outcome.UNREACHABLE, "403 Forbidden: bot was blocked by the user"));
        f.start(sender);
        f.enqueue("approved", "approved", Regarding.booking(b.candidateId(), b.bookingId(), 1), 77, "Approved", clock.instant(), null);

        f.awaitStatus("approved", OutboxStatus.FAILED);
        assertThat(f.reachable(b.candidateId())).isFalse();
        assertThat(f.message("approved").getLastError()).contains("blocked");
        assertThat(sender.calls()).hasSize(1);
    }

    @Test
    void badRequestFailsAfterOneAttempt() {
        sender.then(ScriptedSender.failure(Outcome.BAD_REQUEST, "400 Bad Request: can't parse entities"));
        f.start(sender);
        f.enqueue("k", 1, "<b>broken");

        f.awaitStatus("k", OutboxStatus.FAILED);
        f.drain();
        assertThat(outcomes("k")).containsExactly(AttemptOutcome.BAD_REQUEST);
        assertThat(sender.calls()).hasSize(2); // the message and the marker
    }

    @Test
    void badTokenPausesSendingRaisesTheHealthFlagAndDoesNotCountAnAttempt() {
        sender.then(ScriptedSender.failure(Outcome.BAD_TOKEN, "401 Unauthorized"));
        Dispatcher d = f.start(sender);
        f.enqueue("k", 1, "hello");

        until(() -> d.health().badToken());
        // the flag goes up before the row's return to PENDING commits: wait for the row, do not race it
        f.awaitStatus("k", OutboxStatus.PENDING);
        assertThat(f.message("k").getAttempts()).isZero();
        assertThat(d.health().pausedUntil()).isEqualTo(DeliveryFixture.T0.plus(Duration.ofMinutes(1)));

        d.resume(); // the operator fixed the token
        f.awaitStatus("k", OutboxStatus.SENT);
        assertThat(d.health().badToken()).isFalse();
    }

    @Test
    void maybeDeliveredBecomesAmbiguousAndIsNeverResentAutomatically() {
        sender.then(ScriptedSender.failure(Outcome.MAYBE_DELIVERED, "read timeout after the request was written"));
        Dispatcher d = f.start(sender);
        f.enqueue("k", 1, "hello");

        f.awaitStatus("k", OutboxStatus.AMBIGUOUS);
        clock.advance(Duration.ofHours(3));
        d.wake();
        f.drain();
        assertThat(sender.calls().stream().filter(m -> m.text().equals("hello"))).hasSize(1);
        assertThat(f.status("k")).isEqualTo(OutboxStatus.AMBIGUOUS);
        assertThat(d.health().ambiguous()).isEqualTo(1);
    }

    @Test
    void expiredLeaseMakesATouchedRowAmbiguousAndReturnsAnUntouchedRowToTheQueue() throws Exception {
        f.enqueue("touched", 1, "maybe out");
        f.enqueue("untouched", 2, "never out");
        leaseTo("dead-host:1:x", clock.instant().minusSeconds(1), "touched", true);
        leaseTo("dead-host:1:x", clock.instant().minusSeconds(1), "untouched", false);

        f.start(sender);

        f.awaitStatus("untouched", OutboxStatus.SENT);
        f.awaitStatus("touched", OutboxStatus.AMBIGUOUS);
        assertThat(outcomes("touched")).containsExactly(AttemptOutcome.LEASE_LOST);
        assertThat(f.message("touched").getLastError()).contains("dead-host:1:x");
        assertThat(sender.deliveredTexts()).containsExactly("never out");
    }

    @Test
    void liveLeaseOfAnotherDispatcherIsLeftAlone() throws Exception {
        f.enqueue("held", 1, "in flight elsewhere");
        leaseTo("other:2:y", clock.instant().plusSeconds(60), "held", true);
        f.start(sender);
        f.drain();
        assertThat(f.status("held")).isEqualTo(OutboxStatus.SENDING);
        assertThat(sender.deliveredTexts()).containsExactly("marker");
    }

    @Test
    void stopLetsTheInFlightSendFinishAndReturnsClaimedRowsToTheQueue() {
        CountDownLatch stopRequested = new CountDownLatch(1);
        List<Thread> stopper = new CopyOnWriteArrayList<>();
        Dispatcher[] holder = new Dispatcher[1];
        sender.thenAnswer(m -> {
            Thread t = new Thread(() -> holder[0].stop(), "test-stopper");
            stopper.add(t);
            t.start();
            // stop() has set its flag once it waits in join(): then let the send finish
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(2))
                    .until(() -> t.getState() == Thread.State.TIMED_WAITING || !t.isAlive());
            stopRequested.countDown();
            return SendResult.sent(1, Duration.ofMillis(5));
        });
        for (int i = 0; i < 5; i++) {
            f.enqueue("k" + i, 100 + i, "message " + i);
        }
        holder[0] = f.start(sender);

        await().atMost(Duration.ofSeconds(20)).until(() -> stopRequested.getCount() == 0 && !stopper.get(0).isAlive());
        assertThat(holder[0].isRunning()).isFalse();
        assertThat(f.status("k0")).isEqualTo(OutboxStatus.SENT);
        for (int i = 1; i < 5; i++) {
            assertThat(f.status("k" + i)).isEqualTo(OutboxStatus.PENDING);
            assertThat(f.message("k" + i).getLeaseOwner()).isNull();
        }
        assertThat(f.ops.countsByState().get(OutboxStatus.SENDING)).isZero();
    }

    @Test
    void enqueueCommitWakesAnIdleDispatcherAtOnce() {
        Dispatcher d = f.start(sender); // idle: nothing queued, next look in 30 s unless woken
        until(d::isRunning);
        long started = System.nanoTime();
        f.enqueue("k", 1, "hello");
        f.awaitStatus("k", OutboxStatus.SENT);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void futureMessageIsSentWhenItsDueTimeComesAndNotBefore() {
        Dispatcher d = f.start(sender);
        f.enqueue("later", "confirm_2h", Regarding.none(), 1, "later", clock.instant().plus(Duration.ofMinutes(10)), null);
        f.drain();
        assertThat(f.status("later")).isEqualTo(OutboxStatus.PENDING);

        clock.advance(Duration.ofMinutes(10));
        d.wake();
        f.awaitStatus("later", OutboxStatus.SENT);
    }

    @Test
    void perChatPacingDefersTheSecondMessageToAChatWithoutHoldingOtherChats() {
        f.enqueue("a1", 1, "a1");
        f.enqueue("a2", 1, "a2");
        f.enqueue("b1", 2, "b1");
        Dispatcher d = f.start(sender, DeliveryFixture.fastSettings().withPacing(0, Duration.ofSeconds(1)));

        f.awaitStatus("b1", OutboxStatus.SENT);
        f.awaitStatus("a1", OutboxStatus.SENT);
        assertThat(f.status("a2")).isEqualTo(OutboxStatus.PENDING);
        assertThat(f.message("a2").getNextAttemptAt()).isEqualTo(DeliveryFixture.T0.plusSeconds(1));

        clock.advance(Duration.ofSeconds(1));
        d.wake();
        f.awaitStatus("a2", OutboxStatus.SENT);
        assertThat(sender.deliveredTexts()).containsExactly("a1", "b1", "a2");
        assertThat(f.message("a2").getAttempts()).isEqualTo(1);
    }

    @Test
    void globalRateSpacesSendsEvenly() throws Exception {
        DeliveryFixture real = new DeliveryFixture(TestDatabases.h2(dir.resolve("real")), Clock.systemUTC());
        try (real) {
            List<Long> sendTimes = new CopyOnWriteArrayList<>();
            Sender timed = m -> {
                sendTimes.add(System.nanoTime());
                return SendResult.sent(1, Duration.ofMillis(1));
            };
            for (int i = 0; i < 11; i++) {
                real.enqueue("k" + i, i, "m" + i);
            }
            real.start(timed, DeliveryFixture.fastSettings().withPacing(20, Duration.ofSeconds(1)));
            await().atMost(Duration.ofSeconds(20)).until(() -> sendTimes.size() == 11);
            long spanMs = TimeUnit.NANOSECONDS.toMillis(sendTimes.get(10) - sendTimes.get(0));
            assertThat(spanMs).isBetween(10 * 50L - 20, 10 * 50L + 1500);
        }
    }

    @Test
    void healthShowsQueueDepthAndThroughput() {
        f.enqueue("later", "confirm_2h", Regarding.none(), 1, "later", clock.instant().plus(Duration.ofHours(1)), null);
        Dispatcher d = f.start(sender);
        f.drain();
        DeliveryHealth h = d.health();
        assertThat(h.running()).isTrue();
        assertThat(h.queueDepth()).isEqualTo(1);
        assertThat(h.dueNow()).isZero();
        assertThat(h.sentLastMinute()).isEqualTo(1);
        assertThat(h.pausedUntil()).isNull();
        assertThat(h.ownerId()).isEqualTo(d.ownerId());
    }

    private List<AttemptOutcome> outcomes(String key) {
        return f.ledger(key).stream().map(DeliveryAttempt::getOutcome).toList();
    }

    /** Puts a row in the state a dispatcher leaves when it dies: SENDING under its lease. */
    private void leaseTo(String owner, Instant leaseEnd, String key, boolean touched) throws Exception {
        try (Connection c = f.db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET status = 'SENDING', lease_owner = ?, "
                     + "lease_expires_at = ?, wire_touched = ? WHERE dedup_key = ?")) {
            ps.setString(1, owner);
            ps.setObject(2, OffsetDateTime.ofInstant(leaseEnd, ZoneOffset.UTC));
            ps.setBoolean(3, touched);
            ps.setString(4, key);
            ps.executeUpdate();
            c.commit();
        }
    }

    private static void until(Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10)).until(condition);
    }
}
