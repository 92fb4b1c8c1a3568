package dev.recruitdesk.delivery;

import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.DatabaseSettings;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which console runs the services only one may run per bot: the dispatcher and the update poller.
 *
 * <p>On PostgreSQL the leader holds a session-level advisory lock on a dedicated connection outside the pool, and
 * records itself in the {@code service_lease} row (owner, epoch, expiry), renewed every few seconds by the
 * {@code recruitdesk-lease} thread. When the leader dies its connection closes and PostgreSQL releases the lock;
 * followers try every second and one of them takes over with the next epoch. When the leader's own connection
 * breaks (database restart, network cut) the renewal fails and it steps down at once, then competes again. On the
 * embedded H2 file this process is the only one, so it always leads; the row is still written for the screens.
 *
 * <p>The lock, not the row, decides. The row's epoch also fences: a leader that finds its epoch replaced steps
 * down. One case the lock alone cannot settle: a leader cut off by the network has stepped down on its side, but the
 * server keeps its session (and the lock) until TCP keepalive gives up, which may take hours. A follower that sees
 * the row unrenewed for twice its time to live, by its own monotonic clock (host clocks may disagree), ends that
 * session with {@code pg_terminate_backend} and takes over. Delivery stays exactly-once even if two dispatchers overlap for a moment (rows are claimed with
 * {@code SKIP LOCKED} and acknowledged under owner guards); the lease makes that the rare case.
 *
 * <p>Listeners are called on the lease thread. {@link #stepDown(String)} is asynchronous, so a service may call it
 * from its own thread and be stopped by {@link LeadershipListener#onLeadershipLost(String)} without deadlock.
 */
public final class LeaderLease implements AutoCloseable {

    /** The lease of the bot's services: one dispatcher and one poller per database. */
    public static final String BOT_SERVICE = "bot";

    private static final Logger log = LoggerFactory.getLogger(LeaderLease.class);

    private final String service;
    private final Clock clock;
    private final LeaseSettings settings;
    private final Seat seat;
    private final String selfId;
    private final String host;
    private final long pid;
    private final String user;
    private final List<LeadershipListener> listeners = new CopyOnWriteArrayList<>();

    private final Object monitor = new Object();
    private String stepDownRequest; // guarded by monitor
    private volatile boolean closing;
    private Thread thread;

    // written by the lease thread (and by start() before the thread exists), read by status()
    private volatile LeaseStatus status;
    private volatile boolean leader;
    private Instant backoffUntil = Instant.MIN;
    private String lastFailure;
    private String lastRenewalSeen = "";
    private long lastRenewalChangedNanos = System.nanoTime();

    private LeaderLease(String service, Clock clock, LeaseSettings settings, Seat seat, boolean teamMode) {
        this.service = Objects.requireNonNull(service, "service");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.seat = seat;
        this.selfId = DispatcherSettings.newOwnerId();
        String jvm = ManagementFactory.getRuntimeMXBean().getName();
        int at = jvm.indexOf('@');
        this.host = at < 0 ? "localhost" : jvm.substring(at + 1);
        this.pid = ProcessHandle.current().pid();
        this.user = System.getProperty("user.name");
        this.status = new LeaseStatus(teamMode, false, selfId, null, null, 0, null, 0, null, null, null, null, null);
    }

    /** The lease of {@code service} on {@code db}: advisory lock on PostgreSQL, always leader on the embedded file. */
    public static LeaderLease forDatabase(Database db, String service, Clock clock, LeaseSettings settings) {
        DatabaseSettings ds = db.settings();
        if (ds.isPostgres()) {
            return new LeaderLease(service, clock, settings, new AdvisoryLockSeat(ds, advisoryKey(service), settings), true);
        }
        return new LeaderLease(service, clock, settings, new SoleProcessSeat(db.dataSource()), false);
    }

    /** The advisory lock key of a service: stable across versions, distinct from other applications' keys. */
    static long advisoryKey(String service) {
        return 0x5244_0000_0000_0000L | (service.hashCode() & 0xFFFF_FFFFL); // "RD" in the high bytes
    }

    public void addListener(LeadershipListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(LeadershipListener listener) {
        listeners.remove(listener);
    }

    /**
     * Competes once on the calling thread (so the embedded file's console, or the first console of a team, leads
     * when this returns), then keeps renewing or competing on the {@code recruitdesk-lease} daemon thread.
     */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("lease " + service + " already started");
        }
        tick();
        Thread t = new Thread(this::loop, "recruitdesk-lease");
        t.setDaemon(true);
        thread = t;
        t.start();
        log.info("lease.started service={} self={} teamMode={} leader={}", service, selfId, status.teamMode(), leader);
    }

    /**
     * Gives up leadership (e.g. Telegram answered 409 Conflict: another instance polls the token), raises
     * {@code reason} as an alert, and waits the conflict back-off before competing again. Returns at once; the
     * listeners are told on the lease thread.
     */
    public void stepDown(String reason) {
        Objects.requireNonNull(reason, "reason");
        synchronized (monitor) {
            stepDownRequest = reason;
            monitor.notifyAll();
        }
    }

    /** Forgets the alert once people have seen it. */
    public void clearAlert() {
        LeaseStatus s = status;
        status = with(s, s.leader(), null, null);
    }

    public boolean isLeader() {
        return leader;
    }

    public LeaseStatus status() {
        return status;
    }

    public String selfId() {
        return selfId;
    }

    /** Stops competing; a leader stops its services (listeners), marks the row expired and releases the lock. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            t = thread;
            thread = null;
        }
        closing = true;
        synchronized (monitor) {
            monitor.notifyAll();
        }
        if (t != null) {
            try {
                t.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            shutDown();
        }
    }

    private void loop() {
        while (!closing) {
            try {
                tick();
            } catch (RuntimeException e) {
                log.error("lease.error service={} error={}", service, e.toString(), e);
            }
            waitFor(leader ? settings.renewInterval() : settings.retryInterval());
        }
        shutDown();
    }

    private void tick() {
        String request;
        synchronized (monitor) {
            request = stepDownRequest;
            stepDownRequest = null;
        }
        if (request != null) {
            handleStepDown(request);
        }
        Instant now = clock.instant();
        if (leader) {
            renew(now);
        } else if (!now.isBefore(backoffUntil)) {
            compete(now);
        } else {
            observe();
        }
    }

    private void handleStepDown(String reason) {
        Instant now = clock.instant();
        backoffUntil = now.plus(settings.conflictBackoff());
        String alert = "Stepped down: " + reason;
        log.warn("lease.step-down service={} self={} reason={} backoffUntil={}", service, selfId, reason, backoffUntil);
        if (leader) {
            lose(reason, true);
        }
        LeaseStatus s = status;
        status = with(s, false, alert, now);
        for (LeadershipListener l : listeners) {
            try {
                l.onAlert(alert);
            } catch (RuntimeException e) {
                log.error("lease.listener-failed service={} error={}", service, e.toString(), e);
            }
        }
    }

    private void compete(Instant now) {
        try {
            if (!seat.take()) {
                observe();
                evictIfStale();
                return;
            }
        } catch (SQLException e) {
            noteFailure("compete", e);
            seat.release();
            return;
        }
        Instant expires = now.plus(settings.timeToLive());
        long epoch;
        try {
            epoch = seat.run(c -> {
                int updated = Sql.update(c, "UPDATE service_lease SET owner_id = ?, owner_host = ?, owner_pid = ?, owner_user = ?, "
                        + "epoch = epoch + 1, acquired_at = ?, renewed_at = ?, expires_at = ? WHERE name = ?",
                        selfId, host, pid, user, now, now, expires, service);
                if (updated == 0) {
                    Sql.update(c, "INSERT INTO service_lease (name, owner_id, owner_host, owner_pid, owner_user, epoch, "
                            + "acquired_at, renewed_at, expires_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)",
                            service, selfId, host, pid, user, now, now, expires);
                }
                return readRow(c).epoch();
            });
        } catch (SQLException e) {
            noteFailure("record", e);
            seat.release();
            return;
        }
        lastFailure = null;
        leader = true;
        LeaseStatus s = status;
        status = new LeaseStatus(s.teamMode(), true, selfId, selfId, host, pid, user, epoch, now, now, expires, s.alert(), s.alertAt());
        log.info("lease.acquired service={} self={} epoch={} expiresAt={}", service, selfId, epoch, expires);
        for (LeadershipListener l : listeners) {
            try {
                l.onLeadershipAcquired(status);
            } catch (RuntimeException e) {
                log.error("lease.listener-failed service={} on=acquired error={}", service, e.toString(), e);
            }
        }
    }

    private void renew(Instant now) {
        LeaseStatus s = status;
        Instant expires = now.plus(settings.timeToLive());
        int updated;
        try {
            updated = seat.run(c -> Sql.update(c, "UPDATE service_lease SET renewed_at = ?, expires_at = ? "
                    + "WHERE name = ? AND owner_id = ? AND epoch = ?", now, expires, service, selfId, s.epoch()));
        } catch (SQLException e) {
            log.warn("lease.connection-lost service={} self={} epoch={} error={}", service, selfId, s.epoch(), e.toString());
            lose("lease connection lost: " + e.getMessage(), true);
            return;
        }
        if (updated == 0) {
            log.warn("lease.fenced service={} self={} epoch={} (another console holds a newer epoch)", service, selfId, s.epoch());
            lose("replaced by a newer leader", true);
            return;
        }
        status = new LeaseStatus(s.teamMode(), true, selfId, selfId, host, pid, user, s.epoch(), s.acquiredAt(), now, expires,
                s.alert(), s.alertAt());
    }

    /** Stops the services first, then lets go of the lock, so a successor never overlaps a live dispatcher of ours. */
    private void lose(String reason, boolean releaseSeat) {
        leader = false;
        LeaseStatus s = status;
        status = with(s, false, s.alert(), s.alertAt());
        log.info("lease.lost service={} self={} epoch={} reason={}", service, selfId, s.epoch(), reason);
        for (LeadershipListener l : listeners) {
            try {
                l.onLeadershipLost(reason);
            } catch (RuntimeException e) {
                log.error("lease.listener-failed service={} on=lost error={}", service, e.toString(), e);
            }
        }
        if (releaseSeat) {
            seat.release();
        }
    }

    /** A follower reads the row, so screens can show who leads. */
    private void observe() {
        try {
            Row row = seat.run(this::readRow);
            LeaseStatus s = status;
            status = row == null ? s : new LeaseStatus(s.teamMode(), leader, selfId, row.ownerId(), row.host(), row.pid(),
                    row.user(), row.epoch(), row.acquiredAt(), row.renewedAt(), row.expiresAt(), s.alert(), s.alertAt());
        } catch (SQLException e) {
            noteFailure("observe", e);
            seat.release();
        }
    }

    /** Ends the lock holder's session if its row has not been renewed for twice the time to live. */
    private void evictIfStale() {
        LeaseStatus s = status;
        String renewal = s.epoch() + "@" + s.renewedAt();
        long now = System.nanoTime();
        if (!renewal.equals(lastRenewalSeen)) {
            lastRenewalSeen = renewal;
            lastRenewalChangedNanos = now;
            return;
        }
        Duration silent = Duration.ofNanos(now - lastRenewalChangedNanos);
        if (silent.compareTo(settings.timeToLive().multipliedBy(2)) < 0) {
            return;
        }
        lastRenewalChangedNanos = now;
        try {
            int ended = seat.evictHolder();
            log.warn("lease.evicted-stale-holder service={} self={} staleLeader={} epoch={} silentMs={} sessionsEnded={}", service,
                    selfId, s.leaderId(), s.epoch(), silent.toMillis(), ended);
        } catch (SQLException e) {
            noteFailure("evict", e);
        }
    }

    private void shutDown() {
        if (leader) {
            LeaseStatus s = status;
            lose("closing", false);
            Instant now = clock.instant();
            try {
                seat.run(c -> Sql.update(c, "UPDATE service_lease SET renewed_at = ?, expires_at = ? "
                        + "WHERE name = ? AND owner_id = ? AND epoch = ?", now, now, service, selfId, s.epoch()));
            } catch (SQLException e) {
                log.info("lease.release-unrecorded service={} error={}", service, e.toString());
            }
        }
        seat.release();
        log.info("lease.closed service={} self={}", service, selfId);
    }

    private void noteFailure(String step, SQLException e) {
        if (!e.toString().equals(lastFailure)) {
            log.warn("lease.{}-failed service={} self={} error={}", step, service, selfId, e.toString());
            lastFailure = e.toString();
        }
    }

    private LeaseStatus with(LeaseStatus s, boolean isLeader, String alert, Instant alertAt) {
        return new LeaseStatus(s.teamMode(), isLeader, s.selfId(), s.leaderId(), s.leaderHost(), s.leaderPid(), s.leaderUser(),
                s.epoch(), s.acquiredAt(), s.renewedAt(), s.expiresAt(), alert, alertAt);
    }

    private void waitFor(Duration d) {
        synchronized (monitor) {
            if (!closing && stepDownRequest == null) {
                try {
                    monitor.wait(d.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closing = true;
                }
            }
        }
    }

    private record Row(String ownerId, String host, long pid, String user, long epoch, Instant acquiredAt, Instant renewedAt,
                       Instant expiresAt) {
    }

    private Row readRow(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT owner_id, owner_host, owner_pid, owner_user, epoch, acquired_at, "
                + "renewed_at, expires_at FROM service_lease WHERE name = ?")) {
            ps.setString(1, service);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
                        Sql.getInstant(rs, 6), Sql.getInstant(rs, 7), Sql.getInstant(rs, 8));
            }
        }
    }

    /** Where leadership is held: the thing whose loss means this console is no longer leader. */
    private interface Seat {

        /** Tries to become the only holder; true if this process now holds it. */
        boolean take() throws SQLException;

        /** Runs one unit of work in its own transaction on the seat's connection. */
        <T> T run(Sql.Work<T> work) throws SQLException;

        /** Lets go (idempotent); never throws. */
        void release();

        /** Ends the session of whoever holds the seat now (a stale leader); returns how many sessions ended. */
        int evictHolder() throws SQLException;
    }

    /** PostgreSQL: a session-level advisory lock on a dedicated connection; closing it releases the lock. */
    private static final class AdvisoryLockSeat implements Seat {

        private final DatabaseSettings settings;
        private final long key;
        private final Duration timeout;
        private Connection connection;

        AdvisoryLockSeat(DatabaseSettings settings, long key, LeaseSettings lease) {
            this.settings = settings;
            this.key = key;
            this.timeout = lease.connectionTimeout();
        }

        @Override
        public boolean take() throws SQLException {
            Connection c = connection();
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                ps.setLong(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1);
                }
            }
        }

        @Override
        public <T> T run(Sql.Work<T> work) throws SQLException {
            Connection c = connection();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // the connection is broken; the caller releases the seat
                }
                throw e;
            } finally {
                try {
                    c.setAutoCommit(true);
                } catch (SQLException ignored) {
                    // as above
                }
            }
        }

        @Override
        public int evictHolder() throws SQLException {
            // a bigint advisory key is stored as classid (high 32 bits) and objid (low 32 bits)
            try (PreparedStatement ps = connection().prepareStatement("SELECT COUNT(pg_terminate_backend(l.pid)) FROM pg_locks l "
                    + "JOIN pg_database d ON d.oid = l.database AND d.datname = current_database() "
                    + "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 AND l.pid <> pg_backend_pid() "
                    + "AND ((l.classid::bigint << 32) | l.objid::bigint) = ?")) {
                ps.setLong(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        }

        private Connection connection() throws SQLException {
            if (connection == null) {
                connection = settings.openDedicated("recruitdesk-lease", timeout);
            }
            return connection;
        }

        @Override
        public void release() {
            Connection c = connection;
            connection = null;
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing a broken connection; the server has dropped the session and its lock
                }
            }
        }
    }

    /** The embedded file: the data-folder lock already made this process the only one. */
    private static final class SoleProcessSeat implements Seat {

        private final DataSource dataSource;

        SoleProcessSeat(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        public boolean take() {
            return true;
        }

        @Override
        public <T> T run(Sql.Work<T> work) throws SQLException {
            return Sql.inTransaction(dataSource, work);
        }

        @Override
        public void release() {
        }

        @Override
        public int evictHolder() {
            return 0;
        }
    }
}
