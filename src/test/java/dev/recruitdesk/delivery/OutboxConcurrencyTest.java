package dev.recruitdesk.delivery;

import dev.recruitdesk.store.TestDatabases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.recruitdesk.domain.OutboxStatus;
import dev.recruitdesk.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Races the database must decide: one key from many transactions, and two dispatchers over one queue. */
class OutboxConcurrencyTest {

    private static final int THREADS = 8;
    private static final int MESSAGES = 5000;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2-file", "postgres"})
    void concurrentEnqueuesOfOneKeyFromEightThreadsGiveOneRowAndNoError(String database) throws Exception {
        try (DeliveryFixture f = new DeliveryFixture(open(database), Clock.systemUTC())) {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                for (int round = 0; round < 10; round++) {
                    String key = "confirm_2h:booking-" + round + ":rev-1";
                    CyclicBarrier start = new CyclicBarrier(THREADS);
                    List<Future<EnqueueResult>> results = new ArrayList<>();
                    for (int t = 0; t < THREADS; t++) {
                        int thread = t;
                        results.add(pool.submit(() -> {
                            start.await();
                            return f.enqueue(key, "confirm_2h", Regarding.none(), 5, "from thread " + thread,
                                    Instant.now().plusSeconds(3600), null);
                        }));
                    }
                    List<EnqueueResult> outcomes = new ArrayList<>();
                    for (Future<EnqueueResult> r : results) {
                        outcomes.add(r.get());
                    }
                    assertThat(outcomes).filteredOn(r -> r == EnqueueResult.CREATED).hasSize(1);
                    assertThat(outcomes).filteredOn(r -> r == EnqueueResult.REFRESHED).hasSize(THREADS - 1);
                }
                assertThat(f.rows()).isEqualTo(10);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2-file", "postgres"})
    void twoDispatchersDeliverEveryMessageExactlyOnce(String database) {
        Database first = open(database);
        // the second dispatcher gets its own pool, as a second console would (H2: one engine, two pools)
        Database second = Database.open(first.settings());
        try (DeliveryFixture f = new DeliveryFixture(first, Clock.systemUTC());
             DeliveryFixture g = new DeliveryFixture(second, Clock.systemUTC())) {
            enqueueMany(f, MESSAGES);
            Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
            Sender counting = m -> {
                deliveries.computeIfAbsent(m.text(), k -> new AtomicInteger()).incrementAndGet();
                return SendResult.sent(1, Duration.ofMillis(0));
            };
            long started = System.nanoTime();
            f.start(counting, DeliveryFixture.fastSettings().withOwnerId("one").withBatchSize(50));
            g.start(counting, DeliveryFixture.fastSettings().withOwnerId("two").withBatchSize(50));

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> f.ops.countsByState().get(OutboxStatus.SENT) == MESSAGES);
            System.out.printf("two dispatchers on %s: %d messages in %d ms%n", database, MESSAGES,
                    Duration.ofNanos(System.nanoTime() - started).toMillis());

            assertThat(deliveries).hasSize(MESSAGES);
            assertThat(deliveries.values()).allMatch(n -> n.get() == 1);
            assertThat(f.ops.duplicatesLast24h()).isZero();
            long byOne = sentBy(f, "one");
            assertThat(byOne).isBetween(1L, MESSAGES - 1L); // both took part
        }
    }

    private Database open(String database) {
        return "postgres".equals(database) ? TestDatabases.postgres() : TestDatabases.h2(dir);
    }

    private static void enqueueMany(DeliveryFixture f, int count) {
        Instant now = Instant.now();
        for (int from = 0; from < count; from += 500) {
            int start = from;
            f.db.run(s -> {
                for (int i = start; i < Math.min(start + 500, count); i++) {
                    f.outbox.enqueue(s, "bulk-" + i, "bulk", Regarding.none(), new OutgoingMessage(10_000 + i, "m" + i, null, null), now, null);
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
