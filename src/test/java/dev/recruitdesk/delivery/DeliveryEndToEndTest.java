package dev.recruitdesk.delivery;

import dev.recruitdesk.store.TestDatabases;
import dev.recruitdesk.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.recruitdesk.domain.AttemptOutcome;
import dev.recruitdesk.domain.DeliveryAttempt;
import dev.recruitdesk.domain.OutboxMessage;
import dev.recruitdesk.domain.OutboxStatus;
import dev.recruitdesk.sandbox.FakeBotApi;
import dev.recruitdesk.sandbox.FakeMessage;
import dev.recruitdesk.sandbox.Fault;
import dev.recruitdesk.telegram.BotGateway;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path under Telegram's faults: outbox → dispatcher → BotGateway (pengrad over HTTP) → FakeBotApi.
 * Test code may wire the telegram adapter in; the delivery package itself never imports it.
 */
class DeliveryEndToEndTest {

    private static final int MESSAGES = 5;

    @TempDir
    Path dir;

    private MutableClock clock;
    private DeliveryFixture f;
    private FakeBotApi telegram;
    private BotGateway gateway;
    private final Map<String, AtomicInteger> callsByText = new ConcurrentHashMap<>();
    private Sender countingGateway;

    @BeforeEach
    void open() {
        clock = new MutableClock(DeliveryFixture.T0);
        f = new DeliveryFixture(TestDatabases.h2(dir), clock);
        telegram = FakeBotApi.start();
        gateway = new BotGateway(telegram.validToken(), telegram.apiUrl(), Duration.ofSeconds(2), Duration.ofMillis(500));
        countingGateway = m -> {
            callsByText.computeIfAbsent(m.text(), k -> new AtomicInteger()).incrementAndGet();
            return gateway.send(m);
        };
    }

    @AfterEach
    void close() {
        f.close();
        gateway.close();
        telegram.close();
    }

    @Test
    void floodControlStormEndsWithEveryMessageSentOnce() {
        telegram.failNext(Fault.tooManyRequests(3), 7);
        Dispatcher d = startAndEnqueue();

        drive(d, this::allSettled);

        assertEveryMessage(OutboxStatus.SENT);
        assertThat(ledgerOutcomes()).filteredOn(o -> o == AttemptOutcome.RETRY_AFTER).hasSize(7);
        assertThat(f.ops.list(MessageQuery.all())).allMatch(m -> m.getAttempts() == 1);
    }

    @Test
    void serverErrorBurstEndsWithEveryMessageSentOnce() {
        telegram.failNext(Fault.serverError(500), 4);
        Dispatcher d = startAndEnqueue();
        drive(d, this::allSettled);
        assertEveryMessage(OutboxStatus.SENT);
        assertThat(ledgerOutcomes()).filteredOn(o -> o == AttemptOutcome.TRANSIENT).hasSize(4);
    }

    @Test
    void htmlBadGatewayFromTheProxyIsRetried() {
        telegram.failNext(Fault.htmlBadGateway(), 3);
        Dispatcher d = startAndEnqueue();
        drive(d, this::allSettled);
        assertEveryMessage(OutboxStatus.SENT);
        assertThat(ledgerOutcomes()).filteredOn(o -> o == AttemptOutcome.TRANSIENT).hasSize(3);
    }

    @Test
    void connectionRefusedForAWhileThenEveryMessageSentOnce() {
        telegram.goOffline();
        Dispatcher d = startAndEnqueue();
        drive(d, () -> f.ops.list(MessageQuery.all()).stream().allMatch(m -> m.getAttempts() >= 2));
        assertThat(telegram.sendMessageRequests()).isZero();

        telegram.goOnline();
        drive(d, this::allSettled);
        assertEveryMessage(OutboxStatus.SENT);
        assertThat(f.ops.attempts(f.message("m0").getId()).get(0).getError()).contains("ConnectException");
    }

    @Test
    void blockedUserFailsAndIsMarkedUnreachableWhileOthersAreSent() {
        DeliveryFixture.BookingRef b = f.booking(clock.instant().plus(Duration.ofHours(2)), 4242);
        telegram.failChat(4242, Fault.blocked());
        Dispatcher d = startAndEnqueue();
        f.enqueue("blocked", "approved", Regarding.booking(b.candidateId(), b.bookingId(), 1), 4242, "to blocked", clock.instant(), null);

        drive(d, this::allSettled);

        assertThat(f.status("blocked")).isEqualTo(OutboxStatus.FAILED);
        assertThat(f.ledger("blocked")).extracting(DeliveryAttempt::getOutcome).containsExactly(AttemptOutcome.UNREACHABLE);
        assertThat(f.reachable(b.candidateId())).isFalse();
        assertThat(telegram.messagesTo(4242)).isEmpty();
        assertLedgerExplainsEveryCall();
    }

    @Test
    void badRequestFailsThatMessageAfterOneAttempt() {
        telegram.failNext(Fault.badRequest("Bad Request: can't parse entities: Unsupported start tag"), 1);
        Dispatcher d = startAndEnqueue();
        drive(d, this::allSettled);

        assertThat(f.status("m0")).isEqualTo(OutboxStatus.FAILED);
        assertThat(f.ledger("m0")).hasSize(1);
        for (int i = 1; i < MESSAGES; i++) {
            assertThat(f.status("m" + i)).isEqualTo(OutboxStatus.SENT);
        }
        assertLedgerExplainsEveryCall();
    }

    @Test
    void rejectedTokenPausesAndRaisesTheFlagUntilTelegramAcceptsAgain() {
        telegram.failNext(Fault.unauthorized(), 1);
        Dispatcher d = startAndEnqueue();
        await().atMost(Duration.ofSeconds(20)).until(() -> d.health().badToken());
        assertThat(f.ops.countsByState().get(OutboxStatus.PENDING)).isEqualTo(MESSAGES);

        drive(d, this::allSettled);
        assertEveryMessage(OutboxStatus.SENT);
        assertThat(d.health().badToken()).isFalse();
    }

    @Test
    void stallAfterTheRequestWasReadIsAmbiguousAndNeverSentAgain() {
        telegram.failNext(Fault.stall(Duration.ofSeconds(30)), 1);
        Dispatcher d = startAndEnqueue();
        drive(d, this::allSettled);

        assertThat(f.status("m0")).isEqualTo(OutboxStatus.AMBIGUOUS);
        assertThat(telegram.allMessages()).extracting(FakeMessage::text).filteredOn("text 0"::equals).hasSize(1);
        clock.advance(Duration.ofHours(1));
        d.wake();
        f.drain();
        assertThat(callsByText.get("text 0").get()).isEqualTo(1);
        for (int i = 1; i < MESSAGES; i++) {
            assertThat(f.status("m" + i)).isEqualTo(OutboxStatus.SENT);
        }
        assertThat(f.ops.duplicatesLast24h()).isZero();
    }

    @Test
    void pacedDispatcherStaysUnderTelegramsFloodLimits() {
        DeliveryFixture real = new DeliveryFixture(TestDatabases.h2(dir.resolve("real")), Clock.systemUTC());
        try (real) {
            telegram.enforceLimits(true); // 30 msg/s overall, 1 s per chat, as Telegram
            for (int i = 0; i < 30; i++) {
                real.enqueue("p" + i, 700 + i % 10, "paced " + i);
            }
            real.start(gateway, DispatcherSettings.defaults().withPacing(25, Duration.ofMillis(1100)));
            await().atMost(Duration.ofSeconds(30)).until(() -> real.ops.countsByState().get(OutboxStatus.SENT) == 30);
            assertThat(telegram.tooManyRequestsAnswered()).isZero();
            assertThat(telegram.sentCount()).isEqualTo(30);
        }
    }

    private Dispatcher startAndEnqueue() {
        for (int i = 0; i < MESSAGES; i++) {
            f.enqueue("m" + i, 600 + i, "text " + i);
        }
        return f.start(countingGateway, DeliveryFixture.fastSettings().withBadTokenPause(Duration.ofSeconds(30)));
    }

    /** Moves the clock 5 s at a time (retry_after, back-off, pauses) until {@code done}. */
    private void drive(Dispatcher d, BooleanSupplier done) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            if (done.getAsBoolean()) {
                return true;
            }
            clock.advance(Duration.ofSeconds(5));
            d.wake();
            return false;
        });
    }

    private boolean allSettled() {
        Map<OutboxStatus, Long> counts = f.ops.countsByState();
        return counts.get(OutboxStatus.PENDING) == 0 && counts.get(OutboxStatus.SENDING) == 0;
    }

    private void assertEveryMessage(OutboxStatus status) {
        for (OutboxMessage m : f.ops.list(MessageQuery.all())) {
            assertThat(m.getStatus()).as(m.getDedupKey()).isEqualTo(status);
            if (status == OutboxStatus.SENT) {
                assertThat(telegram.allMessages()).extracting(FakeMessage::text).filteredOn(m.getText()::equals).hasSize(1);
            }
        }
        assertLedgerExplainsEveryCall();
        assertThat(f.ops.duplicatesLast24h()).isZero();
    }

    /** Every call of the gateway has exactly one ledger entry, and every SENT message one SENT entry. */
    private void assertLedgerExplainsEveryCall() {
        for (OutboxMessage m : f.ops.list(MessageQuery.all())) {
            List<DeliveryAttempt> ledger = f.ops.attempts(m.getId());
            int calls = callsByText.getOrDefault(m.getText(), new AtomicInteger()).get();
            assertThat(ledger).as(m.getDedupKey()).hasSize(calls);
            assertThat(ledger).filteredOn(a -> a.getOutcome() == AttemptOutcome.SENT)
                    .hasSize(m.getStatus() == OutboxStatus.SENT ? 1 : 0);
        }
    }

    private List<AttemptOutcome> ledgerOutcomes() {
        return f.ops.list(MessageQuery.all()).stream()
                .flatMap(m -> f.ops.attempts(m.getId()).stream())
                .map(DeliveryAttempt::getOutcome)
                .toList();
    }
}
