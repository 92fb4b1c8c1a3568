package dev.recruitdesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.recruitdesk.domain.OutboxStatus;
import dev.recruitdesk.sandbox.FakeBotApi;
import dev.recruitdesk.sandbox.FakeMessage;
import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.DatabaseSettings;
import dev.recruitdesk.store.TestDatabases;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two dispatcher processes (child JVMs) on one database deliver 5,000 messages, each exactly once: on PostgreSQL,
 * and on an H2 file in server mode (AUTO_SERVER: this JVM opens the file first and serves it to the children).
 * The FakeBotApi in this JVM counts deliveries across both processes.
 */
class TwoDispatcherProcessesTest {

    private static final int MESSAGES = 5000;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgres", "h2-server"})
    void twoDispatcherProcessesDeliverEveryMessageExactlyOnce(String database) throws Exception {
        DatabaseSettings settings = "postgres".equals(database)
                ? TestDatabases.freshPostgres()
                : DatabaseSettings.external("jdbc:h2:file:" + dir.toAbsolutePath().resolve("shared")
                        + ";AUTO_SERVER=TRUE;WRITE_DELAY=0", "sa", "");
        List<Process> children = new ArrayList<>();
        try (DeliveryFixture f = new DeliveryFixture(Database.open(settings), Clock.systemUTC());
             FakeBotApi telegram = FakeBotApi.start()) {
            CountDownLatch ready = new CountDownLatch(2);
            for (String owner : List.of("process-a", "process-b")) {
                children.add(startChild(settings, telegram, owner, ready));
            }
            assertThat(ready.await(60, TimeUnit.SECONDS)).as("both children running").isTrue();

            long started = System.nanoTime();
            enqueue(f);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> f.ops.countsByState().get(OutboxStatus.SENT) == MESSAGES);
            System.out.printf("two dispatcher processes on %s: %d messages in %d ms%n", database, MESSAGES,
                    Duration.ofNanos(System.nanoTime() - started).toMillis());

            Map<String, Long> deliveries = telegram.allMessages().stream()
                    .collect(Collectors.groupingBy(FakeMessage::text, Collectors.counting()));
            assertThat(deliveries).hasSize(MESSAGES);
            assertThat(deliveries.values()).allMatch(n -> n == 1);
            assertThat(telegram.sentCount()).isEqualTo(MESSAGES);
            assertThat(f.ops.duplicatesLast24h()).isZero();
            assertThat(sentBy(f, "process-a")).isBetween(1L, MESSAGES - 1L); // both took part
            assertThat(sentBy(f, "process-a") + sentBy(f, "process-b")).isEqualTo(MESSAGES);
        } finally {
            for (Process child : children) {
                child.destroyForcibly().waitFor();
            }
        }
    }

    private Process startChild(DatabaseSettings db, FakeBotApi telegram, String owner, CountDownLatch ready) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DispatcherProcess.class.getName(),
                db.url(), db.user(), db.password(), telegram.apiUrl(), telegram.validToken(), owner)
                .redirectErrorStream(true)
                .start();
        Path log = dir.resolve(owner + ".log");
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.equals("ready")) {
                        ready.countDown();
                    }
                    Files.writeString(log, line + System.lineSeparator(), StandardCharsets.UTF_8,
                            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                }
            } catch (java.io.IOException ignored) {
                // the child is gone
            }
        }, "child-output-" + owner);
        reader.setDaemon(true);
        reader.start();
        return child;
    }

    private static void enqueue(DeliveryFixture f) {
        Instant now = Instant.now();
        for (int from = 0; from < MESSAGES; from += 500) {
            int start = from;
            f.db.run(s -> {
                for (int i = start; i < Math.min(start + 500, MESSAGES); i++) {
                    f.outbox.enqueue(s, "two-" + i, "bulk", Regarding.none(), new OutgoingMessage(30_000 + i, "two " + i, null, null), now, null);
                }
            });
        }
    }

    private static long sentBy(DeliveryFixture f, String owner) {
        return f.db.inTransaction(s -> s.createSelectionQuery(
                        "select count(a) from DeliveryAttempt a where a.outcome = dev.recruitdesk.domain.AttemptOutcome.SENT and a.leaseOwner = :o", Long.class)
                .setParameter("o", owner)
                .getSingleResult());
    }
}
