package dev.recruitdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.store.ChangeFeed.Change;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Every committed change of a watched entity reaches the other consoles, whoever wrote it and however it flushed. */
class EntityChangePublisherTest {

    @Test
    void insertsUpdatesAndDeletesAreAnnouncedOnCommitOnlyAndABulkTransactionStaysSmall() {
        DatabaseSettings settings = TestDatabases.freshPostgres();
        try (Database db = Database.open(settings); Notifications mine = new Notifications(settings);
             Notifications theirs = new Notifications(settings)) {
            new ChangeFeed(mine).watch(db, Map.of(Candidate.class, "candidate"));
            List<Change> seen = new CopyOnWriteArrayList<>();
            new ChangeFeed(theirs).subscribeRemote(seen::add);
            theirs.start();
            await().atMost(Duration.ofSeconds(10)).until(theirs::isListening);

            long id = db.inTransaction(s -> {
                Candidate c = new Candidate("Olga", ZoneOffset.UTC);
                s.persist(c);
                return c.getId();
            });
            await().atMost(Duration.ofSeconds(2)).until(() -> seen.contains(new Change("candidate", id)));
            seen.clear();

            // changed in memory and flushed by the commit itself, not by the use case
            db.run(s -> s.find(Candidate.class, id).setName("Olga K."));
            await().atMost(Duration.ofSeconds(2)).until(() -> seen.contains(new Change("candidate", id)));
            seen.clear();

            try {
                db.run(s -> {
                    s.find(Candidate.class, id).setName("never");
                    s.flush();
                    throw new IllegalStateException("roll back");
                });
            } catch (IllegalStateException expected) {
                // the rollback is the point
            }
            db.run(s -> s.remove(s.find(Candidate.class, id)));
            await().atMost(Duration.ofSeconds(2)).until(() -> !seen.isEmpty());
            assertThat(seen).containsExactly(new Change("candidate", id));
            seen.clear();

            List<Long> ids = db.inTransaction(s -> {
                List<Long> created = new ArrayList<>();
                for (int i = 0; i < 300; i++) {
                    Candidate c = new Candidate("bulk " + i, ZoneOffset.UTC);
                    s.persist(c);
                    created.add(c.getId());
                }
                return created;
            });
            await().atMost(Duration.ofSeconds(2)).until(() -> seen.contains(new Change("candidate", 0)));
            assertThat(seen).hasSize(EntityChangePublisher.ROWS_NAMED_PER_TRANSACTION + 1)
                    .contains(new Change("candidate", ids.get(0)));
        }
    }
}
