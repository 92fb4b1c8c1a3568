package dev.recruitdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.recruitdesk.sandbox.FakeBotApi;
import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.DatabaseSettings;
import dev.recruitdesk.store.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three headless consoles as real processes on one PostgreSQL database and one fake Telegram in this JVM: one
 * dispatches, the leader is SIGKILLed in the middle of 2,000 messages, a follower takes over, and every message
 * ends delivered exactly once (or AMBIGUOUS, delivered at most once).
 */
class TeamModeProcessTest {

    private static final int MESSAGES = 2_000;
    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    /** One console process and its home. */
    private record Console(Path home, Process process) {

        String log() throws Exception {
            Path file = home.resolve("logs/recruitdesk.log");
            return Files.exists(file) ? Files.readString(file) : "";
        }
    }

    @Test
    void killingTheLeaderMidDispatchHandsOverWithNothingLostAndNothingSentTwice() throws Exception {
        DatabaseSettings shared = TestDatabases.freshPostgres();
        List<Console> consoles = new ArrayList<>();
        try (FakeBotApi telegram = FakeBotApi.start(); Database db = Database.open(shared)) {
            for (int i = 1; i <= 3; i++) {
                Path home = TeamFixture.home(dir.resolve("console-" + i), shared, telegram, 200);
                consoles.add(new Console(home, ChildProcess.startLogged(dir.resolve("console-" + i + ".out"),
                        "--headless", "--home", home.toString())));
            }
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
                for (Console c : consoles) {
                    assertThat(c.process().isAlive()).as("console " + c.home() + " running").isTrue();
                    if (!c.log().contains("lease.started")) {
                        return false;
                    }
                }
                return true;
            });
            Console leader = leader(db, consoles).orElseThrow();
            assertThat(dispatcherStarts(consoles)).as("consoles that started a dispatcher").containsExactly(leader);

            TeamFixture.enqueue(db, "team", MESSAGES, 100_000);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5)).until(() -> telegram.sentCount() >= 400);
            leader.process().destroyForcibly().waitFor();
            Instant killedAt = Instant.now();
            int sentAtKill = telegram.sentCount();
            assertThat(sentAtKill).as("killed mid-dispatch").isLessThan(MESSAGES);

            await().atMost(TAKEOVER_LIMIT).pollInterval(Duration.ofMillis(50))
                    .until(() -> leader(db, consoles).filter(c -> c != leader).isPresent() && epoch(db) == 2);
            Duration takeover = Duration.between(killedAt, Instant.now());
            Console successor = leader(db, consoles).orElseThrow();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> TeamFixture.settled(db));

            long ambiguous = TeamFixture.assertNothingLostNothingDuplicated(db, telegram, MESSAGES);
            assertThat(ambiguous).as("at most the one message in flight at the kill").isLessThanOrEqualTo(1);
            assertThat(telegram.sentCount()).isGreaterThan(sentAtKill);
            assertThat(takeover).as("takeover time").isLessThan(TAKEOVER_LIMIT);
            assertThat(dispatcherStarts(consoles)).as("consoles that ever started a dispatcher").containsExactlyInAnyOrder(leader, successor);
            assertOneDispatcherAtATime(db, leader, successor);
            for (Console c : consoles) {
                if (c != leader) {
                    assertThat(c.process().isAlive()).isTrue();
                }
            }
        } finally {
            for (Console c : consoles) {
                c.process().destroyForcibly().waitFor();
            }
        }
    }

    /** The console whose pid the lease row names, if its lease is current. */
    private static Optional<Console> leader(Database db, List<Console> consoles) throws Exception {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT owner_pid FROM service_lease WHERE name = 'bot' AND expires_at > ?")) {
            ps.setObject(1, java.time.OffsetDateTime.now());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long pid = rs.getLong(1);
                return consoles.stream().filter(k -> k.process().pid() == pid && k.process().isAlive()).findFirst();
            }
        }
    }

    private static long epoch(Database db) throws Exception {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT epoch FROM service_lease WHERE name = 'bot'");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static List<Console> dispatcherStarts(List<Console> consoles) throws Exception {
        List<Console> started = new ArrayList<>();
        for (Console c : consoles) {
            if (c.log().contains("services.leading")) {
                started.add(c);
            }
        }
        return started;
    }

    /**
     * From the ledger: each dispatcher's attempts span a time range; the ranges of the two dispatchers never
     * overlap, and each belongs to the process that held the lease.
     */
    private static void assertOneDispatcherAtATime(Database db, Console first, Console second) throws Exception {
        List<String> owners = new ArrayList<>();
        List<Instant[]> spans = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT lease_owner, MIN(started_at), MAX(started_at) FROM delivery_attempt "
                     + "GROUP BY lease_owner ORDER BY MIN(started_at)");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                owners.add(rs.getString(1));
                spans.add(new Instant[] {rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                        rs.getObject(3, java.time.OffsetDateTime.class).toInstant()});
            }
        }
        assertThat(owners).hasSize(2);
        assertThat(owners.get(0)).contains(":" + first.process().pid() + ":");
        assertThat(owners.get(1)).contains(":" + second.process().pid() + ":");
        assertThat(spans.get(0)[1]).as("the first dispatcher's last attempt precedes the second's first").isBefore(spans.get(1)[0]);
    }
}
