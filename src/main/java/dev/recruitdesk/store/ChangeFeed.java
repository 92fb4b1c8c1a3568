package dev.recruitdesk.store;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.hibernate.Session;

/**
 * "Something changed" across consoles: a use case publishes {@code <entity>:<id>} in the transaction that changed
 * it; screens subscribe and re-read what they show. Payloads name rows, never carry data.
 */
public final class ChangeFeed {

    public static final String CHANNEL = "recruitdesk_changes";
    private static final Pattern ENTITY = Pattern.compile("[a-z_]{1,40}");

    /**
     * One changed row, or {@link #everything()} after notifications may have been missed.
     *
     * @param entity table-like name, e.g. {@code booking}; {@code *} for everything
     */
    public record Change(String entity, long id) {

        public static Change everything() {
            return new Change("*", 0);
        }

        public boolean isEverything() {
            return "*".equals(entity);
        }

        static Change parse(String payload) {
            int colon = payload == null ? -1 : payload.indexOf(':');
            if (colon < 1) {
                return everything();
            }
            int end = payload.indexOf(':', colon + 1);
            try {
                return new Change(payload.substring(0, colon), Long.parseLong(payload.substring(colon + 1, end < 0 ? payload.length() : end)));
            } catch (NumberFormatException e) {
                return everything();
            }
        }
    }

    private final Notifications notifications;
    // tells this console's own changes apart from the others' (its screens refreshed themselves already)
    private final String origin = Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36);

    public ChangeFeed(Notifications notifications) {
        this.notifications = Objects.requireNonNull(notifications, "notifications");
    }

    /**
     * Publishes every insert, update and delete of the given entity classes under the given names, in the writing
     * transaction. On PostgreSQL only: on the embedded file this process is the only writer and its screens
     * already hear its own changes.
     */
    public void watch(Database db, Map<Class<?>, String> entities) {
        entities.values().forEach(ChangeFeed::checkEntity);
        if (notifications.isCrossProcess()) {
            EntityChangePublisher.install(db, this, entities);
        }
    }

    /** Announces, when {@code s}'s transaction commits, that row {@code id} of {@code entity} changed. */
    public void publish(Session s, String entity, long id) {
        checkEntity(entity);
        notifications.publish(s, CHANNEL, entity + ":" + id + ":" + origin);
    }

    private static void checkEntity(String entity) {
        if (!ENTITY.matcher(entity).matches()) {
            throw new IllegalArgumentException("entity must be a lower-case name: " + entity);
        }
    }

    /** Calls {@code listener} on the notification thread for every change, this console's own included. */
    public Runnable subscribe(Consumer<Change> listener) {
        Objects.requireNonNull(listener, "listener");
        Runnable changes = notifications.subscribe(CHANNEL, payload -> listener.accept(Change.parse(payload)));
        Runnable gaps = notifications.subscribeGaps(() -> listener.accept(Change.everything()));
        return () -> {
            changes.run();
            gaps.run();
        };
    }

    /**
     * Like {@link #subscribe} but without the changes this console published itself: what other consoles (and
     * their bots) changed, and {@link Change#everything()} after a gap.
     */
    public Runnable subscribeRemote(Consumer<Change> listener) {
        Objects.requireNonNull(listener, "listener");
        String mine = ":" + origin;
        Runnable changes = notifications.subscribe(CHANNEL, payload -> {
            if (payload == null || !payload.endsWith(mine)) {
                listener.accept(Change.parse(payload));
            }
        });
        Runnable gaps = notifications.subscribeGaps(() -> listener.accept(Change.everything()));
        return () -> {
            changes.run();
            gaps.run();
        };
    }
}
