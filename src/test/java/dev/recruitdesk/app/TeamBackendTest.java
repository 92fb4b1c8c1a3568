package dev.recruitdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.recruitdesk.delivery.EnqueueResult;
import dev.recruitdesk.delivery.LeaseStatus;
import dev.recruitdesk.delivery.OutgoingMessage;
import dev.recruitdesk.delivery.Regarding;
import dev.recruitdesk.sandbox.FakeBotApi;
import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.DatabaseSettings;
import dev.recruitdesk.store.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two consoles (two backends in this JVM) on one PostgreSQL database and one fake bot. */
class TeamBackendTest {

    @TempDir
    Path dir;

    @Test
    void onlyTheLeaderDispatchesAndAFollowersEnqueueIsDeliveredAtOnce() {
        DatabaseSettings shared = TestDatabases.freshPostgres();
        try (FakeBotApi telegram = FakeBotApi.start();
             Backend first = open("first", shared, telegram); Backend second = open("second", shared, telegram)) {
            first.startServices();
            second.startServices();
            assertThat(first.isDispatching()).isTrue();
            assertThat(second.isDispatching()).isFalse();
            assertThat(first.leaseStatus().teamMode()).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> first.leaseStatus().selfId().equals(second.leaseStatus().leaderId()));
            LeaseStatus seen = second.leaseStatus();
            assertThat(seen.leader()).isFalse();
            assertThat(seen.epoch()).isEqualTo(1);
            assertThat(seen.leaderPid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(seen.leaderAlive(Instant.now())).isTrue();

            await().atMost(Duration.ofSeconds(10)).until(() -> first.isLive() && second.isLive());
            Instant now = Instant.now();
            EnqueueResult r = second.database().inTransaction(s -> second.outbox().enqueue(s, "hello:chat-5", "welcome",
                    Regarding.none(), new OutgoingMessage(5, "from the follower's screen", null, null), now, null));
            assertThat(r).isEqualTo(EnqueueResult.CREATED);
            await().atMost(Duration.ofSeconds(2)).until(() -> telegram.messagesTo(5).size() == 1);

            first.leaderLease().stepDown("409 Conflict: terminated by other getUpdates request");
            await().atMost(Duration.ofSeconds(10)).until(() -> second.isDispatching() && !first.isDispatching());
            assertThat(first.leaseStatus().alert()).contains("409 Conflict");
            assertThat(second.leaseStatus().epoch()).isEqualTo(2);
        }
    }

    @Test
    void aDatabaseRestartMidRunMakesTheLeaderStepDownAndWorkResumesWithNothingLost() throws Exception {
        DatabaseSettings shared = TestDatabases.freshPostgres();
        int messages = 400;
        try (FakeBotApi telegram = FakeBotApi.start(); Database testDb = Database.open(shared);
             Backend first = open("first", shared, telegram); Backend second = open("second", shared, telegram)) {
            first.startServices();
            second.startServices();
            TeamFixture.enqueue(testDb, "restart", messages, 50_000);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5)).until(() -> telegram.sentCount() >= 100);

            int cut = terminateEveryOtherSession(shared);

            assertThat(cut).as("sessions cut").isGreaterThanOrEqualTo(4);
            await().atMost(Duration.ofSeconds(30)).until(() -> List.of(first, second).stream()
                    .anyMatch(b -> b.leaseStatus().leader() && b.leaseStatus().epoch() >= 2 && b.isDispatching()));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> TeamFixture.settled(testDb));
            assertThat(first.isDispatching() ^ second.isDispatching()).as("exactly one dispatcher").isTrue();
            long ambiguous = TeamFixture.assertNothingLostNothingDuplicated(testDb, telegram, messages);
            assertThat(ambiguous).isLessThanOrEqualTo(1);
        }
    }

    private Backend open(String name, DatabaseSettings shared, FakeBotApi telegram) {
        Path home = TeamFixture.home(dir.resolve(name), shared, telegram, 200);
        return AppContext.forHome(home, Clock.systemUTC()).openBackend();
    }

    /** What a database server restart does to the consoles: every session they hold is cut. */
    private static int terminateEveryOtherSession(DatabaseSettings shared) throws Exception {
        try (Connection c = shared.openDedicated("test-admin", Duration.ofSeconds(10)); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity "
                     + "WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
