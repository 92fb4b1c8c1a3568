package dev.recruitdesk.booking;

import dev.recruitdesk.store.ChangeFeed;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What other consoles changed (team mode), turned into screen refreshes: a change of a watched entity, a gap in
 * the notifications and a periodic tick (in case a notification was lost without a gap being noticed) each ask a
 * subscriber to refresh, at most once per coalescing window however many rows changed. On the embedded file
 * ({@link #none()}) nothing ever fires: this process's own changes reach the screens through
 * {@link BookingChanges} and the screens' own actions, as before.
 */
public final class LiveChanges implements AutoCloseable {

    public static final Duration COALESCE = Duration.ofMillis(250);
    public static final Duration FALLBACK = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(LiveChanges.class);

    private final ChangeFeed feed;
    private final Duration coalesce;
    private final Duration fallback;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService timer;
    private Runnable unsubscribe;

    /** @param feed the cross-console feed, or null for none */
    public LiveChanges(ChangeFeed feed, Duration coalesce, Duration fallback) {
        this.feed = feed;
        this.coalesce = Objects.requireNonNull(coalesce, "coalesce");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    /** Never fires: a single console on the embedded file. */
    public static LiveChanges none() {
        return new LiveChanges(null, COALESCE, FALLBACK);
    }

    /** Starts hearing the feed and the periodic tick; a no-op without a feed or when started already. */
    public synchronized void start() {
        if (feed == null || timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "recruitdesk-live");
            t.setDaemon(true);
            return t;
        });
        unsubscribe = feed.subscribeRemote(this::changed);
        timer.scheduleWithFixedDelay(() -> subscribers.forEach(Subscriber::signal), fallback.toMillis(), fallback.toMillis(),
                TimeUnit.MILLISECONDS);
        log.info("live.started coalesceMs={} fallbackS={}", coalesce.toMillis(), fallback.toSeconds());
    }

    /**
     * Calls {@code refresh} on {@code executor} when another console changed one of {@code entities} (e.g.
     * {@code booking}, {@code slot}, {@code candidate}), after a gap, and on the periodic tick; bursts within the
     * coalescing window make one call. Returns the unsubscribe action.
     */
    public Runnable subscribe(Set<String> entities, Executor executor, Runnable refresh) {
        Subscriber s = new Subscriber(Set.copyOf(entities), executor, refresh);
        subscribers.add(s);
        return () -> subscribers.remove(s);
    }

    private void changed(ChangeFeed.Change change) {
        for (Subscriber s : subscribers) {
            if (change.isEverything() || s.entities.contains(change.entity())) {
                s.signal();
            }
        }
    }

    @Override
    public synchronized void close() {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    private final class Subscriber {
        final Set<String> entities;
        final Executor executor;
        final Runnable refresh;
        final AtomicBoolean pending = new AtomicBoolean();

        Subscriber(Set<String> entities, Executor executor, Runnable refresh) {
            this.entities = entities;
            this.executor = executor;
            this.refresh = refresh;
        }

        void signal() {
            ScheduledExecutorService t = timer;
            if (t == null || !pending.compareAndSet(false, true)) {
                return;
            }
            t.schedule(() -> {
                pending.set(false);
                try {
                    executor.execute(refresh);
                } catch (RuntimeException e) {
                    log.warn("live.refresh-failed error={}", e.toString());
                }
            }, coalesce.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
