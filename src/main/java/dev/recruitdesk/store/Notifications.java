package dev.recruitdesk.store;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.hibernate.Session;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifications between consoles that share a database. On PostgreSQL a publish is a {@code pg_notify} inside the
 * writer's transaction (PostgreSQL delivers it at commit and drops it on rollback) and one daemon thread LISTENs on
 * a dedicated connection and hands payloads to the subscribers, this process's own included. On the embedded H2
 * database this process is the only writer, so a publish reaches the subscribers right after the commit.
 *
 * <p>Notifications can be missed while the listening connection is down; after it reconnects every gap listener
 * runs once, so subscribers re-read what they show instead of trusting they saw every change.
 */
public final class Notifications implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    private static final Pattern CHANNEL_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final int POLL_MS = 500;
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);

    private final DatabaseSettings settings;
    private final boolean crossProcess;
    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    private final List<Runnable> gapListeners = new CopyOnWriteArrayList<>();
    private final Object monitor = new Object();
    private volatile boolean channelsChanged;
    private volatile boolean listening;
    private volatile boolean closing;
    private Thread thread;

    public Notifications(DatabaseSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.crossProcess = settings.isPostgres();
    }

    /** True while the listening connection is up: other consoles' changes arrive live (PostgreSQL only). */
    public boolean isListening() {
        return listening;
    }

    /** True on PostgreSQL: publishes reach other consoles. */
    public boolean isCrossProcess() {
        return crossProcess;
    }

    /**
     * Publishes {@code payload} on {@code channel} when {@code s}'s transaction commits, to every console on the
     * database (on H2: to this process's subscribers). Nothing is published on rollback.
     */
    public void publish(Session s, String channel, String payload) {
        checkChannel(channel);
        String text = payload == null ? "" : payload;
        if (crossProcess) {
            s.doWork(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                    ps.setString(1, channel);
                    ps.setString(2, text);
                    ps.execute();
                }
            });
            return;
        }
        s.getTransaction().registerSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    deliver(channel, text);
                }
            }
        });
    }

    /** Calls {@code listener} with every payload published on {@code channel}; returns the unsubscribe action. */
    public Runnable subscribe(String channel, Consumer<String> listener) {
        checkChannel(channel);
        Objects.requireNonNull(listener, "listener");
        listeners.computeIfAbsent(channel, k -> {
            channelsChanged = true;
            return new CopyOnWriteArrayList<>();
        }).add(listener);
        return () -> listeners.getOrDefault(channel, List.of()).remove(listener);
    }

    /** Runs {@code listener} after the listening connection came back: notifications may have been missed. */
    public Runnable subscribeGaps(Runnable listener) {
        gapListeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> gapListeners.remove(listener);
    }

    /** Starts the listening thread (PostgreSQL only; a no-op on H2). */
    public synchronized void start() {
        if (!crossProcess || thread != null) {
            return;
        }
        closing = false;
        Thread t = new Thread(this::listenLoop, "recruitdesk-listen");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            t = thread;
            thread = null;
        }
        if (t == null) {
            return;
        }
        closing = true;
        synchronized (monitor) {
            monitor.notifyAll();
        }
        try {
            t.join(POLL_MS * 4L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void listenLoop() {
        Connection c = null;
        boolean hadConnection = false;
        String lastError = null;
        while (!closing) {
            try {
                if (c == null) {
                    c = settings.openDedicated("recruitdesk-listen", Duration.ofMillis(POLL_MS).plusSeconds(10));
                    channelsChanged = true;
                }
                if (channelsChanged) {
                    channelsChanged = false;
                    try (Statement st = c.createStatement()) {
                        for (String channel : listeners.keySet()) {
                            st.execute("LISTEN " + channel);
                        }
                    }
                    listening = true;
                    log.info("notify.listening channels={}", listeners.keySet());
                    if (hadConnection) {
                        gapListeners.forEach(Notifications::runQuietly);
                    }
                    hadConnection = true;
                    lastError = null;
                }
                PGNotification[] received = c.unwrap(PGConnection.class).getNotifications(POLL_MS);
                if (received != null) {
                    for (PGNotification n : received) {
                        deliver(n.getName(), n.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!e.toString().equals(lastError)) {
                    log.warn("notify.connection-lost error={} (reconnecting; consoles fall back to periodic checks)", e.toString());
                    lastError = e.toString();
                }
                closeQuietly(c);
                c = null;
                pause();
            }
        }
        listening = false;
        closeQuietly(c);
        log.info("notify.stopped");
    }

    private void deliver(String channel, String payload) {
        for (Consumer<String> listener : listeners.getOrDefault(channel, List.of())) {
            try {
                listener.accept(payload);
            } catch (RuntimeException e) {
                log.error("notify.listener-failed channel={} error={}", channel, e.toString(), e);
            }
        }
    }

    private void pause() {
        synchronized (monitor) {
            if (!closing) {
                try {
                    monitor.wait(RECONNECT_PAUSE.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closing = true;
                }
            }
        }
    }

    private static void runQuietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.error("notify.gap-listener-failed error={}", e.toString(), e);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the connection is already broken; nothing to release
            }
        }
    }

    private static void checkChannel(String channel) {
        if (channel == null || !CHANNEL_NAME.matcher(channel).matches()) {
            throw new IllegalArgumentException("channel must be a lower-case SQL identifier: " + channel);
        }
    }
}
