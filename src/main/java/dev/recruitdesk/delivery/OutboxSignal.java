package dev.recruitdesk.delivery;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hibernate.Session;

/** Tells the dispatcher that the outbox changed: fired after the transaction that enqueued or resent commits. */
public final class OutboxSignal {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public void subscribe(Runnable listener) {
        listeners.add(listener);
    }

    public void unsubscribe(Runnable listener) {
        listeners.remove(listener);
    }

    public void fire() {
        listeners.forEach(Runnable::run);
    }

    /** Fires once {@code s}'s current transaction has committed (never on rollback). */
    public void fireAfterCommit(Session s) {
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
