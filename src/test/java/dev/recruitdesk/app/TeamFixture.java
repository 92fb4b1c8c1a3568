package dev.recruitdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.delivery.Outbox;
import dev.recruitdesk.delivery.OutboxSignal;
import dev.recruitdesk.delivery.OutgoingMessage;
import dev.recruitdesk.delivery.Regarding;
import dev.recruitdesk.sandbox.FakeBotApi;
import dev.recruitdesk.sandbox.FakeMessage;
import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.DatabaseSettings;
import dev.recruitdesk.store.Notifications;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Team-mode shortcuts: a console home provisioned by file, bulk enqueue, and the delivery accounting. */
final class TeamFixture {

    /** The team's secrets key, as an admin provisions it on every console. */
    static final String SECRETS_KEY = "c2VjcmV0cy1rZXktZm9yLXRoZS10ZWFtLXRlc3RzLTM=";

    private TeamFixture() {
    }

    /** Writes {@code recruitdesk.properties} naming the shared database and the (fake) bot, as an admin would. */
    static Path home(Path home, DatabaseSettings db, FakeBotApi telegram, double ratePerSecond) {
        try {
            Files.createDirectories(home);
            Files.writeString(home.resolve(Config.FILE_NAME), String.join("\n",
                    "db.url=" + db.url(),
                    "db.user=" + db.user(),
                    "db.password=" + db.password(),
                    "telegram.token=" + telegram.validToken(),
                    "secrets.key=" + SECRETS_KEY,
                    "telegram.apiUrl=" + telegram.apiUrl(),
                    "delivery.ratePerSecond=" + ratePerSecond,
                    ""));
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Enqueues {@code count} messages, each to its own chat with a unique text, from the test's own connection. */
    static void enqueue(Database db, String prefix, int count, long firstChat) {
        // linked to the database's notifications: the commit wakes the leader's dispatcher in whichever console leads
        Outbox outbox = new Outbox(Clock.systemUTC(), new OutboxSignal(new Notifications(db.settings())));
        Instant now = Instant.now();
        db.run(s -> {
            for (int i = 0; i < count; i++) {
                outbox.enqueue(s, prefix + "-" + i, "bulk", Regarding.none(),
                        new OutgoingMessage(firstChat + i, prefix + " text " + i, null, null), now, null);
            }
        });
    }

    static Map<String, Long> countsByStatus(Database db) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT status, COUNT(*) FROM outbox_message GROUP BY status");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    static boolean settled(Database db) throws SQLException {
        Map<String, Long> counts = countsByStatus(db);
        return counts.getOrDefault("PENDING", 0L) == 0 && counts.getOrDefault("SENDING", 0L) == 0;
    }

    /**
     * Every row is SENT and Telegram has it exactly once, or AMBIGUOUS and Telegram has it at most once: nothing lost,
     * nothing sent twice. Returns how many rows are AMBIGUOUS.
     */
    static long assertNothingLostNothingDuplicated(Database db, FakeBotApi telegram, int expectedRows) throws SQLException {
        Map<String, Long> deliveries = telegram.allMessages().stream()
                .collect(Collectors.groupingBy(FakeMessage::text, Collectors.counting()));
        int rows = 0;
        long ambiguous = 0;
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT dedup_key, text, status FROM outbox_message");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows++;
                String key = rs.getString(1);
                long delivered = deliveries.getOrDefault(rs.getString(2), 0L);
                switch (rs.getString(3)) {
                    case "SENT" -> assertThat(delivered).as(key + " sent").isEqualTo(1);
                    case "AMBIGUOUS" -> {
                        assertThat(delivered).as(key + " ambiguous, never resent").isLessThanOrEqualTo(1);
                        ambiguous++;
                    }
                    default -> throw new AssertionError(key + " lost in state " + rs.getString(3));
                }
            }
        }
        assertThat(rows).isEqualTo(expectedRows);
        return ambiguous;
    }
}
