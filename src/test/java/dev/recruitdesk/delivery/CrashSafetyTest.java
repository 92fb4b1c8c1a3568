package dev.recruitdesk.delivery;

import dev.recruitdesk.store.TestDatabases;
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
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dispatcher process is killed with SIGKILL in the middle of 500 messages and another one takes over the same
 * H2 file: nothing is lost, nothing is delivered twice, and a message that may have been delivered is AMBIGUOUS
 * and not sent again. Deliveries are counted by the FakeBotApi in this JVM, across both processes.
 */
class CrashSafetyTest {

    private static final int MESSAGES = 500;
    private static final long FIRST_CHAT = 20_000;

    @TempDir
    Path dir;

    @Test
    void killedWhileWaitingForTelegramsAnswerLeavesThatMessageAmbiguousAndLosesNothing() throws Exception {
        long stalledChat = FIRST_CHAT + 300;
        try (FakeBotApi telegram = FakeBotApi.start()) {
            telegram.failChat(stalledChat, Fault.stall(Duration.ofSeconds(60)));
            Process child = crashAfter(telegram, () -> telegram.messagesTo(stalledChat).size() == 1);

            Map<String, OutboxMessage> after = restartAndFinish(telegram);

            assertThat(child.isAlive()).isFalse();
            OutboxMessage stalled = after.get("crash-300");
            assertThat(stalled.getStatus()).isEqualTo(OutboxStatus.AMBIGUOUS);
            assertThat(after.values()).filteredOn(m -> m.getStatus() == OutboxStatus.SENT).hasSize(MESSAGES - 1);
            assertDeliveredAtMostOnceAndNothingLost(telegram, after);
        }
    }

    @Test
    void killedAtAnArbitraryMomentLosesNothingAndDuplicatesNothing() throws Exception {
        try (FakeBotApi telegram = FakeBotApi.start()) {
            crashAfter(telegram, () -> telegram.sentCount() >= 150);

            Map<String, OutboxMessage> after = restartAndFinish(telegram);

            assertThat(after.values()).filteredOn(m -> m.getStatus() == OutboxStatus.AMBIGUOUS).hasSizeLessThanOrEqualTo(1);
            assertDeliveredAtMostOnceAndNothingLost(telegram, after);
        }
    }

    /** Fills the outbox, starts the child dispatcher, kills it (SIGKILL) once {@code moment} holds. */
    private Process crashAfter(FakeBotApi telegram, Callable<Boolean> moment) throws Exception {
        try (DeliveryFixture f = new DeliveryFixture(TestDatabases.h2(dir), Clock.systemUTC())) {
            f.db.run(s -> {
                for (int i = 0; i < MESSAGES; i++) {
                    f.outbox.enqueue(s, "crash-" + i, "bulk", Regarding.none(),
                            new OutgoingMessage(FIRST_CHAT + i, "crash text " + i, null, null), f.clock.instant(), null);
                }
            });
        }
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashedDispatcherProcess.class.getName(),
                dir.toString(), telegram.apiUrl(), telegram.validToken())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5)).until(moment);
            assertThat(telegram.sentCount()).as("killed mid-run").isLessThan(MESSAGES);
        } finally {
            child.destroyForcibly().waitFor();
        }
        return child;
    }

    /** A new dispatcher on the same file, its clock past every lease the dead one held, runs until the queue is empty. */
    private Map<String, OutboxMessage> restartAndFinish(FakeBotApi telegram) {
        telegram.clearFaults();
        Clock afterLeases = Clock.offset(Clock.systemUTC(), DeliveryFixture.fastSettings().leaseDuration().plusSeconds(1));
        try (DeliveryFixture f = new DeliveryFixture(TestDatabases.h2(dir), afterLeases);
             BotGateway gateway = new BotGateway(telegram.validToken(), telegram.apiUrl(), Duration.ofSeconds(2), Duration.ofSeconds(5))) {
            f.start(gateway);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
                Map<OutboxStatus, Long> counts = f.ops.countsByState();
                return counts.get(OutboxStatus.PENDING) == 0 && counts.get(OutboxStatus.SENDING) == 0;
            });
            assertThat(f.ops.duplicatesLast24h()).isZero();
            List<OutboxMessage> all = f.ops.list(MessageQuery.all().page(0, MESSAGES));
            for (OutboxMessage m : all) {
                if (m.getStatus() == OutboxStatus.AMBIGUOUS) {
                    assertThat(f.ops.attempts(m.getId())).extracting(DeliveryAttempt::getOutcome)
                            .containsExactly(AttemptOutcome.LEASE_LOST);
                }
            }
            return all.stream().collect(Collectors.toMap(OutboxMessage::getDedupKey, Function.identity()));
        }
    }

    private static void assertDeliveredAtMostOnceAndNothingLost(FakeBotApi telegram, Map<String, OutboxMessage> rows) {
        assertThat(rows).hasSize(MESSAGES);
        Map<String, Long> deliveries = telegram.allMessages().stream()
                .collect(Collectors.groupingBy(FakeMessage::text, Collectors.counting()));
        for (OutboxMessage m : rows.values()) {
            long delivered = deliveries.getOrDefault(m.getText(), 0L);
            switch (m.getStatus()) {
                case SENT:
                    assertThat(delivered).as(m.getDedupKey() + " sent").isEqualTo(1);
                    break;
                case AMBIGUOUS:
                    assertThat(delivered).as(m.getDedupKey() + " ambiguous, never resent").isLessThanOrEqualTo(1);
                    break;
                default:
                    throw new AssertionError(m.getDedupKey() + " lost in state " + m.getStatus());
            }
        }
    }
}
