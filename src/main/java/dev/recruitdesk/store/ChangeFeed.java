package dev.recruitdesk.store;

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
            try {
                return new Change(payload.substring(0, colon), Long.parseLong(payload.substring(colon + 1)));
            } catch (NumberFormatException e) {
                return everything();
            }
        }
    }

    private final Notifications notifications;

    public ChangeFeed(Notifications notifications) {
        this.notifications = Objects.requireNonNull(notifications, "notifications");
    }

    /** Announces, when {@code s}'s transaction commits, that row {@code id} of {@code entity} changed. */
    public void publish(Session s, String entity, long id) {
        if (!ENTITY.matcher(entity).matches()) {
            throw new IllegalArgumentException("entity must be a lower-case name: " + entity);
        }
        notifications.publish(s, CHANNEL, entity + ":" + id);
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
}
