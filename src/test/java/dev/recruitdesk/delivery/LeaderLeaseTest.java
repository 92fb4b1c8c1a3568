package dev.recruitdesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.recruitdesk.MutableClock;
import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.DatabaseSettings;
import dev.recruitdesk.store.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The leader lease on a real PostgreSQL (advisory lock + row) and on the embedded H2 file. */
class LeaderLeaseTest {

    private static final Duration TAKEOVER = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    /** Records what a lease told its listener, in order. */
    static final class Events implements LeadershipListener {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void onLeadershipAcquired(LeaseStatus status) {
            seen.add("acquired:" + status.epoch());
        }

        @Override
        public void onLeadershipLost(String reason) {
            seen.add("lost:" + reason);
        }

        @Override
        public void onAlert(String alert) {
            seen.add("alert:" + alert);
        }
    }

    @Test
    void exactlyOneOfThreeConsolesLeadsAndAnotherTakesOverWhenItCloses() throws Exception {
        try (Database db = TestDatabases.postgres()) {
            List<LeaderLease> leases = List.of(lease(db, Clock.systemUTC()), lease(db, Clock.systemUTC()), lease(db, Clock.systemUTC()));
            try {
                leases.forEach(LeaderLease::start);
                assertThat(leases).filteredOn(LeaderLease::isLeader).hasSize(1);
                LeaderLease first = leases.stream().filter(LeaderLease::isLeader).findFirst().orElseThrow();
                assertThat(first.status().epoch()).isEqualTo(1);
                await().atMost(TAKEOVER).until(() -> leases.stream().allMatch(l -> first.selfId().equals(l.status().leaderId())));

                first.close();

                await().atMost(TAKEOVER).until(() -> leases.stream().filter(LeaderLease::isLeader).count() == 1 && !first.isLeader());
                LeaderLease second = leases.stream().filter(LeaderLease::isLeader).findFirst().orElseThrow();
                assertThat(second.status().epoch()).isEqualTo(2);
                assertThat(row(db, "owner_id")).isEqualTo(second.selfId());
                assertThat(leases).filteredOn(LeaderLease::isLeader).hasSize(1);
            } finally {
                leases.forEach(LeaderLease::close);
            }
        }
    }

    @Test
    void aLeaderWhoseConnectionIsKilledStepsDownAtOnceAndTheLeaseIsTakenAgain() throws Exception {
        try (Database db = TestDatabases.postgres()) {
            Events events = new Events();
            LeaderLease a = lease(db, Clock.systemUTC());
            a.addListener(events);
            LeaderLease b = lease(db, Clock.systemUTC());
            try {
                a.start();
                b.start();
                assertThat(a.isLeader()).isTrue();

                terminateLeaseConnections(db);

                await().atMost(TAKEOVER).until(() -> events.seen.stream().anyMatch(e -> e.startsWith("lost:lease connection lost")));
                await().atMost(TAKEOVER).until(() -> a.isLeader() ^ b.isLeader());
                LeaderLease now = a.isLeader() ? a : b;
                assertThat(now.status().epoch()).isEqualTo(2);
                assertThat(row(db, "epoch")).isEqualTo("2");
                assertThat(events.seen.get(0)).isEqualTo("acquired:1");
            } finally {
                a.close();
                b.close();
            }
        }
    }

    @Test
    void stepDownRaisesAnAlertHandsOverAndBacksOffBeforeCompetingAgain() throws Exception {
        try (Database db = TestDatabases.postgres()) {
            MutableClock clock = new MutableClock(Instant.now());
            Events events = new Events();
            LeaderLease a = lease(db, clock);
            a.addListener(events);
            LeaderLease b = lease(db, clock);
            try {
                a.start();
                b.start();
                assertThat(a.isLeader()).isTrue();

                a.stepDown("409 Conflict: another getUpdates consumer");

                await().atMost(TAKEOVER).until(b::isLeader);
                assertThat(a.isLeader()).isFalse();
                assertThat(a.status().alert()).contains("409 Conflict");
                assertThat(events.seen).containsExactly("acquired:1", "lost:409 Conflict: another getUpdates consumer",
                        "alert:Stepped down: 409 Conflict: another getUpdates consumer");

                b.close();
                // a is still backing off: nobody leads until its clock passes the back-off
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> !a.isLeader());
                clock.advance(LeaseSettings.defaults().conflictBackoff().plusSeconds(1));
                await().atMost(TAKEOVER).until(a::isLeader);
                assertThat(a.status().epoch()).isEqualTo(3);
                a.clearAlert();
                assertThat(a.status().alert()).isNull();
            } finally {
                a.close();
                b.close();
            }
        }
    }

    @Test
    void aLeaderCutOffWhoseSessionTheServerKeepsIsEvictedOnceItsRowGoesStale() throws Exception {
        try (Database db = TestDatabases.postgres();
             Connection hung = db.settings().openDedicated("hung-leader", Duration.ofSeconds(10))) {
            // a leader on another host whose network is cut: it holds the lock, wrote its row, and renews no more
            try (PreparedStatement ps = hung.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                ps.setLong(1, LeaderLease.advisoryKey(LeaderLease.BOT_SERVICE));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getBoolean(1)).isTrue();
                }
            }
            try (Statement st = hung.createStatement()) {
                st.execute("INSERT INTO service_lease (name, owner_id, owner_host, owner_pid, owner_user, epoch, acquired_at, "
                        + "renewed_at, expires_at) VALUES ('bot', 'far:1:cut', 'far', 1, 'ops', 7, now(), now(), now())");
            }
            LeaseSettings quick = new LeaseSettings(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofMillis(100),
                    Duration.ofMinutes(1), Duration.ofSeconds(5));
            LeaderLease lease = LeaderLease.forDatabase(db, LeaderLease.BOT_SERVICE, Clock.systemUTC(), quick);
            try {
                lease.start();
                assertThat(lease.isLeader()).isFalse();

                await().atMost(TAKEOVER).until(lease::isLeader);
                assertThat(lease.status().epoch()).isEqualTo(8);
                assertThat(hung.isValid(2)).as("the stale leader's session was ended").isFalse();
            } finally {
                lease.close();
            }
        }
    }

    @Test
    void theEmbeddedFileAlwaysLeadsAndStillWritesTheRow() throws Exception {
        try (Database db = TestDatabases.h2(dir)) {
            Events events = new Events();
            LeaderLease lease = lease(db, Clock.systemUTC());
            lease.addListener(events);
            lease.start();
            assertThat(lease.isLeader()).isTrue();
            assertThat(lease.status().teamMode()).isFalse();
            assertThat(events.seen).containsExactly("acquired:1");
            assertThat(row(db, "owner_id")).isEqualTo(lease.selfId());
            assertThat(row(db, "owner_pid")).isEqualTo(Long.toString(ProcessHandle.current().pid()));

            lease.close();
            assertThat(events.seen).containsExactly("acquired:1", "lost:closing");
            LeaseStatus before = lease.status();
            assertThat(before.leader()).isFalse();

            LeaderLease again = lease(db, Clock.systemUTC());
            again.start();
            assertThat(again.status().epoch()).isEqualTo(2);
            again.close();
        }
    }

    private static LeaderLease lease(Database db, Clock clock) {
        return LeaderLease.forDatabase(db, LeaderLease.BOT_SERVICE, clock, LeaseSettings.defaults());
    }

    static String row(Database db, String column) throws Exception {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM service_lease WHERE name = 'bot'");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** What a database restart does to the lease: every lease connection is cut by the server. */
    static int terminateLeaseConnections(Database db) throws Exception {
        DatabaseSettings s = db.settings();
        try (Connection c = s.openDedicated("test-admin", Duration.ofSeconds(10)); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity "
                     + "WHERE datname = current_database() AND application_name = 'recruitdesk-lease'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
