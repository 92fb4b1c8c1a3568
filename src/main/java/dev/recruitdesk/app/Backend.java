package dev.recruitdesk.app;

import dev.recruitdesk.booking.BookingService;
import dev.recruitdesk.booking.CandidateService;
import dev.recruitdesk.booking.RecruiterService;
import dev.recruitdesk.booking.SlotService;
import dev.recruitdesk.delivery.DeliveryOps;
import dev.recruitdesk.delivery.Dispatcher;
import dev.recruitdesk.delivery.DispatcherSettings;
import dev.recruitdesk.delivery.LeaderLease;
import dev.recruitdesk.delivery.LeadershipListener;
import dev.recruitdesk.delivery.LeaseSettings;
import dev.recruitdesk.delivery.LeaseStatus;
import dev.recruitdesk.delivery.Outbox;
import dev.recruitdesk.delivery.OutboxSignal;
import dev.recruitdesk.domain.Recruiter;
import dev.recruitdesk.store.ChangeFeed;
import dev.recruitdesk.store.DataFolderLock;
import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.DatabaseSettings;
import dev.recruitdesk.store.Notifications;
import java.time.Duration;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that needs the database: the open database, the use cases, the outbox and the bot connection.
 * Building it starts no thread; {@link #startServices()} starts the leader lease, and the dispatcher runs while
 * this console leads: always on the embedded file, on PostgreSQL only in the one console holding the lease.
 * Closed once, on exit.
 */
public final class Backend implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Backend.class);

    private final AppContext context;
    private final DataFolderLock lock;
    private final Database db;
    private final RecruiterService recruiters;
    private final SlotService slots;
    private final BookingService bookings;
    private final CandidateService candidates;
    private final long currentRecruiterId;
    private final Notifications notifications;
    private final ChangeFeed changes;
    private final OutboxSignal outboxSignal;
    private final Outbox outbox;
    private final DeliveryOps deliveryOps;
    private final LeaderLease lease;
    private final Object dispatcherGuard = new Object();
    private BotConnection bot;
    private Dispatcher dispatcher; // guarded by dispatcherGuard; set while this console leads
    private boolean servicesStarted;

    private Backend(AppContext context, DataFolderLock lock, Database db) {
        this.context = context;
        this.lock = lock;
        this.db = db;
        this.notifications = new Notifications(db.settings());
        this.changes = new ChangeFeed(notifications);
        this.outboxSignal = new OutboxSignal(notifications);
        this.lease = LeaderLease.forDatabase(db, LeaderLease.BOT_SERVICE, context.clock(), LeaseSettings.defaults());
        this.outbox = new Outbox(context.clock(), outboxSignal);
        this.deliveryOps = new DeliveryOps(db, context.clock(), outboxSignal);
        this.recruiters = new RecruiterService(db);
        this.slots = new SlotService(db, context.clock());
        this.bookings = new BookingService(db, context.clock());
        this.candidates = new CandidateService(db);
        Recruiter me = recruiters.ensureDefault(System.getProperty("user.name"), ZoneId.systemDefault());
        this.currentRecruiterId = me.getId();
    }

    static Backend open(AppContext context, DatabaseSettings settings, DataFolderLock lock) {
        Database db = Database.open(settings);
        try {
            return new Backend(context, lock, db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Connects the bot (or starts the sandbox), starts listening to the other consoles (PostgreSQL) and competes
     * for the leader lease; the dispatcher starts when this console leads and stops when it no longer does.
     * Services of other capabilities (the update poller) join through {@link #leaderLease()}'s listeners.
     */
    public synchronized void startServices() {
        if (servicesStarted) {
            return;
        }
        servicesStarted = true;
        bot = BotConnection.open(context.config());
        notifications.start();
        lease.addListener(new DispatcherWhileLeader());
        lease.start();
        log.info("services.started sandbox={} teamMode={} leader={} self={}", bot.isSandbox(), lease.status().teamMode(),
                lease.isLeader(), lease.selfId());
    }

    /** Starts a fresh dispatcher on every acquisition (a dispatcher runs once) and stops it on loss. */
    private final class DispatcherWhileLeader implements LeadershipListener {

        @Override
        public void onLeadershipAcquired(LeaseStatus status) {
            synchronized (dispatcherGuard) {
                if (dispatcher != null) {
                    return;
                }
                Dispatcher d = new Dispatcher(db, bot.gateway(), context.clock(), dispatcherSettings(), outboxSignal);
                // we hold the lease, so any row still leased belongs to a dispatcher that is gone
                d.adoptOrphanedLeases();
                d.start();
                dispatcher = d;
                log.info("services.dispatcher-started owner={} epoch={}", d.ownerId(), status.epoch());
            }
        }

        @Override
        public void onLeadershipLost(String reason) {
            synchronized (dispatcherGuard) {
                Dispatcher d = dispatcher;
                dispatcher = null;
                if (d != null) {
                    d.stop();
                    log.info("services.dispatcher-stopped owner={} reason={}", d.ownerId(), reason);
                }
            }
        }
    }

    private DispatcherSettings dispatcherSettings() {
        double rate = context.config().get(Config.Key.DELIVERY_RATE).map(Double::parseDouble)
                .orElse(DispatcherSettings.defaults().ratePerSecond());
        DispatcherSettings settings = DispatcherSettings.defaults().withPacing(rate, Duration.ofSeconds(1));
        // a NOTIFY from another console can be missed (listening connection down): look every few seconds anyway
        return db.settings().isPostgres() ? settings.withMaxIdleWait(Duration.ofSeconds(5)) : settings;
    }

    public AppContext context() {
        return context;
    }

    public Database database() {
        return db;
    }

    public RecruiterService recruiters() {
        return recruiters;
    }

    public SlotService slots() {
        return slots;
    }

    public BookingService bookings() {
        return bookings;
    }

    public CandidateService candidates() {
        return candidates;
    }

    /** The recruiter this console works as (single-user mode: the database's first recruiter). */
    public long currentRecruiterId() {
        return currentRecruiterId;
    }

    public Outbox outbox() {
        return outbox;
    }

    public DeliveryOps deliveryOps() {
        return deliveryOps;
    }

    /** Who runs the dispatcher (and the poller): for the status bar and the Delivery screen. */
    public LeaseStatus leaseStatus() {
        return lease.status();
    }

    /** The leader lease: services that only the leader runs subscribe here; a 409 Conflict calls stepDown. */
    public LeaderLease leaderLease() {
        return lease;
    }

    /** True while this console's dispatcher runs. */
    public boolean isDispatching() {
        synchronized (dispatcherGuard) {
            return dispatcher != null && dispatcher.isRunning();
        }
    }

    /** True while changes made in other consoles arrive live (PostgreSQL); false on the embedded file. */
    public boolean isLive() {
        return notifications.isListening();
    }

    /** "Row X changed" across consoles, for screens to refresh. */
    public ChangeFeed changes() {
        return changes;
    }

    /** The bot connection, once {@link #startServices()} ran. */
    public BotConnection bot() {
        return bot;
    }

    @Override
    public synchronized void close() {
        lease.close(); // stops the dispatcher if this console leads
        notifications.close();
        if (bot != null) {
            bot.close();
        }
        db.close();
        if (lock != null) {
            lock.close();
        }
        log.info("backend.closed");
    }
}
