package dev.recruitdesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.DatabaseSettings;
import dev.recruitdesk.store.Notifications;
import dev.recruitdesk.store.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Two consoles on one PostgreSQL database, each with its own pool and notification thread: an enqueue committed in
 * one wakes the dispatcher of the other at once, although that dispatcher would otherwise idle for a minute.
 */
class CrossConsoleWakeTest {

    @Test
    void anEnqueueInAnotherConsoleWakesTheLeadersDispatcherWithinTwoSeconds() {
        DatabaseSettings settings = TestDatabases.freshPostgres();
        List<String> sent = new CopyOnWriteArrayList<>();
        Sender recording = m -> {
            sent.add(m.text());
            return SendResult.sent(sent.size(), Duration.ofMillis(1));
        };
        try (Database leaderDb = Database.open(settings); Database followerDb = Database.open(settings);
             Notifications leaderNotifications = new Notifications(settings);
             Notifications followerNotifications = new Notifications(settings)) {
            leaderNotifications.start();
            followerNotifications.start();
            OutboxSignal leaderSignal = new OutboxSignal(leaderNotifications);
            Dispatcher dispatcher = new Dispatcher(leaderDb, recording, Clock.systemUTC(),
                    DeliveryFixture.fastSettings().withMaxIdleWait(Duration.ofMinutes(1)), leaderSignal);
            Outbox followerOutbox = new Outbox(Clock.systemUTC(), new OutboxSignal(followerNotifications));
            dispatcher.start();
            try {
                await().atMost(Duration.ofSeconds(10)).until(leaderNotifications::isListening);
                enqueue(followerDb, followerOutbox, "warm-up"); // the dispatcher is idle after this one
                await().atMost(Duration.ofSeconds(10)).until(() -> sent.contains("warm-up"));

                for (int i = 0; i < 3; i++) {
                    String text = "from the follower " + i;
                    enqueue(followerDb, followerOutbox, text);
                    await().atMost(Duration.ofSeconds(2)).until(() -> sent.contains(text));
                }
                assertThat(sent).hasSize(4);
            } finally {
                dispatcher.stop();
            }
        }
    }

    @Test
    void aRolledBackEnqueueWakesNobody() {
        DatabaseSettings settings = TestDatabases.freshPostgres();
        try (Database db = Database.open(settings); Notifications publisher = new Notifications(settings);
             Notifications listener = new Notifications(settings)) {
            List<String> received = new CopyOnWriteArrayList<>();
            listener.subscribe(OutboxSignal.CHANNEL, received::add);
            listener.start();
            Outbox outbox = new Outbox(Clock.systemUTC(), new OutboxSignal(publisher));
            List<String> markers = new CopyOnWriteArrayList<>();
            listener.subscribe("test_marker", markers::add);
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                enqueue(db, outbox, "probe-" + System.nanoTime());
                return !received.isEmpty();
            });
            // notifications arrive in commit order: once the marker is here, no probe is still on its way
            db.run(s -> publisher.publish(s, "test_marker", "quiet"));
            await().atMost(Duration.ofSeconds(2)).until(() -> markers.contains("quiet"));
            received.clear();
            try {
                db.run(s -> {
                    outbox.enqueue(s, "rolled-back", "notice", Regarding.none(), new OutgoingMessage(1, "never", null, null),
                            Instant.now(), null);
                    throw new IllegalStateException("business rule failed");
                });
            } catch (IllegalStateException expected) {
                // the transaction rolled back, and its NOTIFY with it
            }
            enqueue(db, outbox, "after");
            await().atMost(Duration.ofSeconds(2)).until(() -> !received.isEmpty());
            assertThat(received).hasSize(1);
        }
    }

    private static void enqueue(Database db, Outbox outbox, String text) {
        db.run(s -> outbox.enqueue(s, "wake:" + text, "notice", Regarding.none(), new OutgoingMessage(42, text, null, null),
                Instant.now(), null));
    }
}
