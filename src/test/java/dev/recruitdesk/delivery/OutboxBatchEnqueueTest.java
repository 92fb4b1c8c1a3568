package dev.recruitdesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.recruitdesk.MutableClock;
import dev.recruitdesk.domain.OutboxStatus;
import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Outbox#enqueueAll}: the dedup rules of {@link Outbox#enqueue}, for a whole batch in a few statements. */
class OutboxBatchEnqueueTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(DeliveryFixture.T0);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2-file", "postgres"})
    void batchRefreshesThePendingKeyLeavesTheSentKeyAloneAndCreatesTheNewOne(String database) {
        try (DeliveryFixture f = new DeliveryFixture(open(database), clock)) {
            Instant due = clock.instant().plus(Duration.ofHours(2));
            f.enqueue("pending", "notice", Regarding.none(), 11, "old pending", due, null);
            f.enqueue("sent", "notice", Regarding.none(), 12, "old sent", due, null);
            markSent(f, "sent");

            List<EnqueueResult> results = enqueueAll(f,
                    entry("pending", 11, "new pending", due.plusSeconds(60), due.plusSeconds(3600)),
                    entry("sent", 12, "new sent", due.plusSeconds(60), null),
                    entry("fresh", 13, "fresh", due, null));

            assertThat(results).containsExactly(EnqueueResult.REFRESHED, EnqueueResult.DUPLICATE_SKIPPED, EnqueueResult.CREATED);
            assertThat(f.rows()).isEqualTo(3);
            assertThat(f.message("pending").getText()).isEqualTo("new pending");
            assertThat(f.message("pending").getNextAttemptAt()).isEqualTo(due.plusSeconds(60));
            assertThat(f.message("pending").getExpiresAt()).isEqualTo(due.plusSeconds(3600));
            assertThat(f.message("sent").getStatus()).isEqualTo(OutboxStatus.SENT);
            assertThat(f.message("sent").getText()).isEqualTo("old sent");
            assertThat(f.message("fresh").getStatus()).isEqualTo(OutboxStatus.PENDING);
            assertThat(f.message("fresh").getText()).isEqualTo("fresh");
        }
    }

    @Test
    void keyGivenTwiceInOneBatchIsOneRowWithTheLaterPayload() {
        try (DeliveryFixture f = new DeliveryFixture(TestDatabases.h2(dir), clock)) {
            Instant due = clock.instant().plus(Duration.ofHours(1));
            f.enqueue("sent", 12, "old sent");
            markSent(f, "sent");

            List<EnqueueResult> results = enqueueAll(f,
                    entry("twice", 11, "first", due, null),
                    entry("sent", 12, "again", due, null),
                    entry("once", 13, "once", due, null),
                    entry("twice", 11, "second", due.plusSeconds(30), null),
                    entry("sent", 12, "and again", due, null));

            // as if enqueued one after another: the first "twice" creates the row, the second refreshes it
            assertThat(results).containsExactly(EnqueueResult.CREATED, EnqueueResult.DUPLICATE_SKIPPED, EnqueueResult.CREATED,
                    EnqueueResult.REFRESHED, EnqueueResult.DUPLICATE_SKIPPED);
            assertThat(f.rows()).isEqualTo(3);
            assertThat(f.message("twice").getText()).isEqualTo("second");
            assertThat(f.message("twice").getNextAttemptAt()).isEqualTo(due.plusSeconds(30));
            assertThat(f.message("sent").getText()).isEqualTo("old sent");
        }
    }

    @Test
    void batchSentOnceIsNeverQueuedAgain() {
        try (DeliveryFixture f = new DeliveryFixture(TestDatabases.h2(dir), clock)) {
            ScriptedSender sender = new ScriptedSender();
            f.start(sender);
            Instant now = clock.instant();
            assertThat(enqueueAll(f, entry("one", 21, "one", now, null), entry("two", 22, "two", now, null)))
                    .containsOnly(EnqueueResult.CREATED);
            f.awaitStatus("one", OutboxStatus.SENT);
            f.awaitStatus("two", OutboxStatus.SENT);

            assertThat(enqueueAll(f, entry("one", 21, "one again", now, null), entry("two", 22, "two again", now, null)))
                    .containsOnly(EnqueueResult.DUPLICATE_SKIPPED);
            f.drain();

            assertThat(sender.deliveredTexts()).containsExactlyInAnyOrder("one", "two", "marker");
        }
    }

    @Test
    void batchRolledBackWithTheBusinessChangeLeavesNothing() {
        try (DeliveryFixture f = new DeliveryFixture(TestDatabases.h2(dir), clock)) {
            try {
                f.db.run(s -> {
                    f.outbox.enqueueAll(s, List.of(entry("a", 1, "a", clock.instant(), null), entry("b", 2, "b", clock.instant(), null)));
                    throw new IllegalStateException("the business change failed");
                });
            } catch (IllegalStateException expected) {
                // the enqueue went with it
            }
            assertThat(f.rows()).isZero();
        }
    }

    /**
     * Another transaction inserts one of the batch's new keys after the batch looked the keys up: the batch insert
     * waits for it, hits the unique key, and every new key is then decided one by one, so the transaction goes on and
     * the row that won is refreshed (PENDING) or left alone (SENT). On PostgreSQL, where consoles in team mode race.
     */
    @ParameterizedTest(name = "the other transaction's row is {0}")
    @ValueSource(strings = {"PENDING", "SENT"})
    void concurrentInsertOfABatchKeyFallsBackToOneByOne(String otherStatus) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (DeliveryFixture f = new DeliveryFixture(TestDatabases.postgres(), clock);
             Connection other = f.db.dataSource().getConnection();
             Connection watcher = f.db.dataSource().getConnection()) {
            Instant due = clock.instant().plus(Duration.ofHours(1));
            other.setAutoCommit(false);
            watcher.setAutoCommit(true); // PostgreSQL keeps one activity snapshot per transaction: each look is its own
            insertRow(other, "race", "from the other transaction", otherStatus, due);

            Future<List<EnqueueResult>> batch = pool.submit(() -> enqueueAll(f,
                    entry("before", 31, "before", due, null),
                    entry("race", 32, "from the batch", due, null),
                    entry("after", 33, "after", due, null)));
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> blockedSessions(watcher) > 0);
            other.commit();

            EnqueueResult raced = "PENDING".equals(otherStatus) ? EnqueueResult.REFRESHED : EnqueueResult.DUPLICATE_SKIPPED;
            assertThat(batch.get()).containsExactly(EnqueueResult.CREATED, raced, EnqueueResult.CREATED);
            assertThat(f.rows()).isEqualTo(3);
            assertThat(f.message("race").getText()).isEqualTo("PENDING".equals(otherStatus) ? "from the batch" : "from the other transaction");
            assertThat(f.status("race")).isEqualTo(OutboxStatus.valueOf(otherStatus));
            assertThat(f.status("before")).isEqualTo(OutboxStatus.PENDING);
            assertThat(f.status("after")).isEqualTo(OutboxStatus.PENDING);
        } finally {
            pool.shutdownNow();
        }
    }

    private Database open(String database) {
        return "postgres".equals(database) ? TestDatabases.postgres() : TestDatabases.h2(dir);
    }

    private static OutboxEntry entry(String key, long chatId, String text, Instant due, Instant expires) {
        return new OutboxEntry(key, "notice", Regarding.none(), new OutgoingMessage(chatId, text, null, null), due, expires);
    }

    private static List<EnqueueResult> enqueueAll(DeliveryFixture f, OutboxEntry... entries) {
        return f.db.inTransaction(s -> f.outbox.enqueueAll(s, List.of(entries)));
    }

    private void markSent(DeliveryFixture f, String key) {
        f.db.run(s -> s.createNativeMutationQuery("UPDATE outbox_message SET status = 'SENT', sent_at = :t WHERE dedup_key = :k")
                .setParameter("t", clock.instant())
                .setParameter("k", key)
                .executeUpdate());
    }

    private static void insertRow(Connection c, String key, String text, String status, Instant due) throws SQLException {
        OffsetDateTime at = OffsetDateTime.ofInstant(due, ZoneOffset.UTC);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_message (dedup_key, kind, chat_id, text, status, "
                + "due_at, next_attempt_at, attempts, wire_touched, created_at, updated_at, sent_at) "
                + "VALUES (?, 'notice', 99, ?, ?, ?, ?, 0, FALSE, ?, ?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, text);
            ps.setString(3, status);
            for (int i = 4; i <= 7; i++) {
                ps.setObject(i, at);
            }
            if ("SENT".equals(status)) {
                ps.setObject(8, at);
            } else {
                ps.setNull(8, Types.TIMESTAMP_WITH_TIMEZONE);
            }
            ps.executeUpdate();
        }
    }

    /** Sessions waiting for another one's lock: the batch's insert waiting for the other transaction's key. */
    private static long blockedSessions(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
