package dev.recruitdesk.booking;

import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.BookingStatus;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells whoever listens that a booking changed, after the change committed: the console refreshes its lists and
 * shows a toast when a candidate books, confirms or declines through the bot. Listeners run on the thread that
 * made the change and must hand work to their own thread (the FX thread, for screens).
 */
public final class BookingChanges {

    private static final Logger log = LoggerFactory.getLogger(BookingChanges.class);

    /** One committed change of a booking. */
    public record Change(long bookingId, long slotId, long candidateId, long recruiterId, BookingStatus status,
                         int revision, Actor actor) {
    }

    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
    private final LiveChanges live;

    /** This console's changes only (the embedded file, tests). */
    public BookingChanges() {
        this(LiveChanges.none());
    }

    /** This console's changes, and through {@code live} the other consoles'. */
    public BookingChanges(LiveChanges live) {
        this.live = live;
    }

    /**
     * Runs {@code refresh} on {@code executor} when another console (or its bot) changed one of {@code entities},
     * coalesced; see {@link LiveChanges#subscribe}. Never fires on the embedded file.
     */
    public Runnable subscribeAcrossConsoles(Set<String> entities, Executor executor, Runnable refresh) {
        return live.subscribe(entities, executor, refresh);
    }

    /** Adds a listener; the returned action removes it. */
    public Runnable subscribe(Consumer<Change> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void publish(Change change) {
        for (Consumer<Change> l : listeners) {
            try {
                l.accept(change);
            } catch (RuntimeException e) {
                log.warn("booking.change listener failed booking={}: {}", change.bookingId(), e.toString());
            }
        }
    }
}
