package dev.recruitdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.recruitdesk.store.ChangeFeed.Change;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Row X changed" reaches every console on PostgreSQL, and this console only on H2; never on rollback. */
class ChangeFeedTest {

    @TempDir
    Path dir;

    @Test
    void aChangeCommittedInOneConsoleReachesTheOther() {
        DatabaseSettings settings = TestDatabases.freshPostgres();
        try (Database db = Database.open(settings); Notifications mine = new Notifications(settings);
             Notifications theirs = new Notifications(settings)) {
            List<Change> seen = new CopyOnWriteArrayList<>();
            new ChangeFeed(theirs).subscribe(seen::add);
            theirs.start();
            ChangeFeed feed = new ChangeFeed(mine);

            await().atMost(Duration.ofSeconds(10)).until(() -> {
                db.run(s -> feed.publish(s, "booking", 42));
                return !seen.isEmpty();
            });
            assertThat(seen.get(0)).isEqualTo(new Change("booking", 42));
            // notifications arrive in commit order: once the marker is here, no probe is still on its way
            db.run(s -> feed.publish(s, "marker", 1));
            await().atMost(Duration.ofSeconds(2)).until(() -> seen.contains(new Change("marker", 1)));
            seen.clear();

            rollBack(db, s -> feed.publish(s, "booking", 7));
            db.run(s -> feed.publish(s, "slot", 9));
            await().atMost(Duration.ofSeconds(2)).until(() -> !seen.isEmpty());
            assertThat(seen).containsExactly(new Change("slot", 9));
        }
    }

    @Test
    void afterTheListeningConnectionIsCutListenersHearThatTheyMayHaveMissedSomething() throws Exception {
        DatabaseSettings settings = TestDatabases.freshPostgres();
        try (Database db = Database.open(settings); Notifications listening = new Notifications(settings)) {
            List<Change> seen = new CopyOnWriteArrayList<>();
            new ChangeFeed(listening).subscribe(seen::add);
            listening.start();
            ChangeFeed feed = new ChangeFeed(new Notifications(settings));
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                db.run(s -> feed.publish(s, "candidate", 1));
                return !seen.isEmpty();
            });

            try (var c = settings.openDedicated("test-admin", Duration.ofSeconds(10)); Statement st = c.createStatement()) {
                st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'recruitdesk-listen' "
                        + "AND datname = current_database()");
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> seen.stream().anyMatch(Change::isEverything));
        }
    }

    @Test
    void onTheEmbeddedFileTheChangeReachesThisConsoleAfterCommitOnly() {
        try (Database db = TestDatabases.h2(dir); Notifications local = new Notifications(db.settings())) {
            List<Change> seen = new CopyOnWriteArrayList<>();
            ChangeFeed feed = new ChangeFeed(local);
            feed.subscribe(seen::add);
            assertThat(local.isCrossProcess()).isFalse();

            rollBack(db, s -> feed.publish(s, "booking", 1));
            db.run(s -> {
                feed.publish(s, "booking", 2);
                assertThat(seen).as("not before the commit").isEmpty();
            });
            assertThat(seen).containsExactly(new Change("booking", 2));
        }
    }

    private static void rollBack(Database db, java.util.function.Consumer<org.hibernate.Session> work) {
        try {
            db.run(s -> {
                work.accept(s);
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            // rolled back on purpose
        }
    }
}
