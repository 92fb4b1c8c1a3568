package dev.recruitdesk.delivery;

import dev.recruitdesk.store.Notifications;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hibernate.Session;

/**
 * Tells the dispatcher that the outbox changed: fired after the transaction that enqueued or resent commits.
 * Linked to {@link Notifications} on PostgreSQL, it also wakes the leader's dispatcher in another console: the
 * committing transaction carries a NOTIFY on {@link #CHANNEL}, and a notification received fires this signal.
 */
public final class OutboxSignal {

    public static final String CHANNEL = "recruitdesk_outbox";

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Notifications notifications;

    /** A signal within this process only. */
    public OutboxSignal() {
        this.notifications = null;
    }

    /** A signal across every console on the database (within this process on H2). */
    public OutboxSignal(Notifications notifications) {
        this.notifications = notifications;
        if (notifications.isCrossProcess()) {
            notifications.subscribe(CHANNEL, payload -> fire());
            notifications.subscribeGaps(this::fire);
        }
    }

    public void subscribe(Runnable listener) {
        listeners.add(listener);
    }

    public void unsubscribe(Runnable listener) {
        listeners.remove(listener);
    }

    /** Wakes this process's listeners now. */
    public void fire() {
        listeners.forEach(Runnable::run);
    }

    /** Fires once {@code s}'s current transaction has committed (never on rollback), in every linked console. */
    public void fireAfterCommit(Session s) {
        if (notifications != null && notifications.isCrossProcess()) {
            notifications.publish(s, CHANNEL, "");
        }
        s.getTransaction().registerSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    fire();
                }
            }
        });
    }
}
