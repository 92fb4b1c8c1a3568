package dev.recruitdesk.app;

import dev.recruitdesk.accounts.AccountService;
import dev.recruitdesk.accounts.PasswordHasher;
import dev.recruitdesk.booking.BookingChanges;
import dev.recruitdesk.booking.BookingQueries;
import dev.recruitdesk.booking.BookingService;
import dev.recruitdesk.booking.CandidateJourney;
import dev.recruitdesk.booking.CandidateService;
import dev.recruitdesk.booking.DashboardQueries;
import dev.recruitdesk.booking.InviteService;
import dev.recruitdesk.booking.JourneySettings;
import dev.recruitdesk.booking.LiveChanges;
import dev.recruitdesk.booking.RecruiterMessages;
import dev.recruitdesk.booking.RecruiterService;
import dev.recruitdesk.booking.ReminderPolicyService;
import dev.recruitdesk.booking.SlotService;
import dev.recruitdesk.booking.TemplateService;
import dev.recruitdesk.booking.WaitingList;
import dev.recruitdesk.delivery.DeliveryOps;
import dev.recruitdesk.delivery.Dispatcher;
import dev.recruitdesk.delivery.DispatcherSettings;
import dev.recruitdesk.delivery.LeaderLease;
import dev.recruitdesk.delivery.LeadershipListener;
import dev.recruitdesk.delivery.LeaseSettings;
import dev.recruitdesk.delivery.LeaseStatus;
import dev.recruitdesk.delivery.Outbox;
import dev.recruitdesk.delivery.OutboxSignal;
import dev.recruitdesk.domain.Booking;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.Recruiter;
import dev.recruitdesk.domain.Slot;
import dev.recruitdesk.store.ChangeFeed;
import dev.recruitdesk.store.DataFolderLock;
import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.DatabaseSettings;
import dev.recruitdesk.sandbox.FakeBotApi;
import dev.recruitdesk.telegram.BotIdentity;
import dev.recruitdesk.telegram.CallResult;
import dev.recruitdesk.store.Notifications;
import dev.recruitdesk.store.SecretStore;
import dev.recruitdesk.telegram.CallbackCodec;
import dev.recruitdesk.telegram.CandidateConversation;
import dev.recruitdesk.telegram.Keyboards;
import dev.recruitdesk.telegram.MessageRenderer;
import dev.recruitdesk.telegram.PollerStatus;
import dev.recruitdesk.telegram.TelegramComposer;
import dev.recruitdesk.telegram.TelegramNotices;
import dev.recruitdesk.telegram.TemplateCatalog;
import dev.recruitdesk.telegram.UpdatePoller;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that needs the database: the open database, the use cases, the outbox and the bot connection.
 * Building it starts no thread; {@link #startServices()} competes for the leader lease, and the dispatcher and the
 * update poller run while this console leads: always on the embedded file, on PostgreSQL only in the one console
 * holding the lease. Closed once, on exit.
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
    private final LiveChanges live;
    private final OutboxSignal outboxSignal;
    private final LeaderLease lease;
    private final Outbox outbox;
    private final DeliveryOps deliveryOps;
    private final TemplateCatalog catalog = new TemplateCatalog();
    private final TemplateService templates;
    private final MessageRenderer renderer;
    private final CallbackCodec codec;
    private final BotSecrets secrets;
    private final Keyboards keyboards;
    private final TelegramComposer composer;
    private final ReminderPolicyService reminderPolicy;
    private final DashboardQueries dashboard;
    private final WaitingList waitingList;
    private final InviteService invites;
    private final RecruiterMessages recruiterMessages;
    private final CandidateJourney journey;
    private final Object leaderServicesGuard = new Object();
    private final BookingQueries queries;
    private final AccountService accounts;
    private volatile String botUsername;
    private volatile BotConnection bot;
    private Dispatcher dispatcher; // guarded by leaderServicesGuard; set while this console leads
    private UpdatePoller poller; // guarded by leaderServicesGuard; set while this console leads
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
        this.recruiters = new RecruiterService(db, context.clock());
        this.slots = new SlotService(db, context.clock());
        this.templates = new TemplateService(db, context.clock(), catalog);
        this.renderer = new MessageRenderer(templates, catalog);
        this.secrets = BotSecrets.resolve(context, db, changes);
        this.codec = secrets.codec();
        this.keyboards = new Keyboards(codec, renderer);
        this.composer = new TelegramComposer(renderer, keyboards);
        changes.watch(db, Map.of(Booking.class, "booking", Slot.class, "slot", Candidate.class, "candidate"));
        // on the embedded file this process is the only writer: its screens hear it already, nothing to poll for
        this.live = notifications.isCrossProcess()
                ? new LiveChanges(changes, LiveChanges.COALESCE, LiveChanges.FALLBACK) : LiveChanges.none();
        this.bookings = new BookingService(db, context.clock(), outbox, composer, new BookingChanges(live));
        this.candidates = new CandidateService(db, context.clock());
        TelegramNotices notices = new TelegramNotices(renderer, keyboards);
        this.waitingList = new WaitingList(db, outbox, notices, context.clock());
        this.invites = new InviteService(db, context.clock());
        this.queries = new BookingQueries(db, context.clock(), deliveryOps);
        this.recruiterMessages = new RecruiterMessages(db, outbox, notices, context.clock());
        this.journey = new CandidateJourney(bookings, waitingList, context.clock(), journeySettings(context.config()));
        slots.onCreated((s, slot) -> waitingList.notifyNewSlots(s));
        this.reminderPolicy = new ReminderPolicyService(db, context.clock(), bookings.reminderReplanner());
        this.dashboard = new DashboardQueries(db, context.clock());
        this.accounts = new AccountService(db, context.clock(), new PasswordHasher());
        Recruiter me = recruiters.ensureDefault(System.getProperty("user.name"), ZoneId.systemDefault());
        this.currentRecruiterId = me.getId();
    }

    static Backend open(AppContext context, DatabaseSettings settings, DataFolderLock lock, boolean bootInBackground) {
        Database db = bootInBackground ? Database.openBootingInBackground(settings) : Database.open(settings);
        try {
            return new Backend(context, lock, db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The journey rules from the {@code booking.*} keys. */
    static JourneySettings journeySettings(Config config) {
        boolean autoApprove = config.get(Config.Key.BOOKING_AUTO_APPROVE).map(Boolean::parseBoolean).orElse(false);
        Duration cutoff = config.get(Config.Key.BOOKING_CHANGE_CUTOFF_MINUTES).map(m -> Duration.ofMinutes(Long.parseLong(m)))
                .orElse(JourneySettings.DEFAULT_CUTOFF);
        Duration minNotice = config.get(Config.Key.BOOKING_MIN_NOTICE_MINUTES).map(m -> Duration.ofMinutes(Long.parseLong(m)))
                .orElse(Duration.ZERO);
        Duration horizon = config.get(Config.Key.BOOKING_HORIZON_DAYS).map(d -> Duration.ofDays(Long.parseLong(d))).orElse(null);
        return new JourneySettings(autoApprove, cutoff, minNotice, horizon);
    }

    /**
     * Connects the bot (or starts the sandbox), starts listening to the other consoles (PostgreSQL) and competes
     * for the leader lease; the dispatcher and the poller start when this console leads and stop when it no
     * longer does.
     */
    public synchronized void startServices() {
        if (servicesStarted) {
            return;
        }
        servicesStarted = true;
        // a console that cannot read the team's token has no bot at all (not even the sandbox): it never leads
        bot = secrets.canLead() ? BotConnection.open(context.config(), secrets.token()) : null;
        notifications.start();
        live.start();
        ServicesWhileLeader services = new ServicesWhileLeader();
        lease.addListener(services);
        // the leader re-reads the token whenever an admin changes it, in whichever console
        changes.subscribe(change -> {
            if (SecretStore.CHANGE_ENTITY.equals(change.entity())) {
                Thread restart = new Thread(services::restartIfLeading, "recruitdesk-bot-restart");
                restart.setDaemon(true);
                restart.start();
            }
        });
        if (secrets.canLead()) {
            lease.start();
        } else {
            log.warn("services.not-competing reason=team secrets unreadable (see secrets.unavailable); this console never runs the bot");
        }
        log.info("services.started sandbox={} teamMode={} leader={} self={}", bot != null && bot.isSandbox(), lease.status().teamMode(),
                lease.isLeader(), lease.selfId());
    }

    /** Starts a fresh dispatcher and poller on every acquisition (each runs once) and stops them on loss. */
    private final class ServicesWhileLeader implements LeadershipListener {

        @Override
        public void onLeadershipAcquired(LeaseStatus status) {
            synchronized (leaderServicesGuard) {
                if (dispatcher != null) {
                    return;
                }
                reconnectIfTokenChanged();
                Dispatcher d = new Dispatcher(db, bot.gateway(), context.clock(), dispatcherSettings(), outboxSignal);
                // we hold the lease, so any row still leased belongs to a dispatcher that is gone
                d.adoptOrphanedLeases();
                d.start();
                dispatcher = d;
                CandidateConversation conversation = new CandidateConversation(journey, invites, outbox, renderer, keyboards,
                        codec, bot.gateway(), context.clock());
                UpdatePoller p = new UpdatePoller(bot.gateway(), db, conversation, context.clock(), bot.isSandbox()
                        ? UpdatePoller.Settings.defaults().withPollTimeoutSeconds(10) : UpdatePoller.Settings.defaults());
                // another bot instance is polling the same token: let a console that can lead cleanly take over
                p.onStatus(st -> {
                    if (st.state() == PollerStatus.State.CONFLICT) {
                        lease.stepDown("telegram 409 conflict: another getUpdates client");
                    }
                });
                p.start();
                poller = p;
                log.info("services.leading owner={} epoch={} bot={}", d.ownerId(), status.epoch(), p.botId());
            }
        }

        /** A new token (or none) in the team's secrets: the next leader term talks to Telegram with it. */
        private void reconnectIfTokenChanged() {
            Optional<String> token = secrets.token();
            if (!bot.usesToken(token)) {
                BotConnection old = bot;
                bot = BotConnection.open(context.config(), token);
                botUsername = null;
                old.close();
                log.info("services.bot-reconnected sandbox={}", bot.isSandbox());
            }
        }

        /** Stops and starts the leader's services, so a rotated token is used at once, without giving up the lease. */
        void restartIfLeading() {
            synchronized (leaderServicesGuard) {
                if (dispatcher == null || bot.usesToken(secrets.token())) {
                    return;
                }
                onLeadershipLost("bot token changed");
                onLeadershipAcquired(lease.status());
            }
        }

        @Override
        public void onLeadershipLost(String reason) {
            synchronized (leaderServicesGuard) {
                UpdatePoller p = poller;
                Dispatcher d = dispatcher;
                poller = null;
                dispatcher = null;
                if (p != null) {
                    p.stop();
                }
                if (d != null) {
                    d.stop();
                    log.info("services.stopped-leading owner={} reason={}", d.ownerId(), reason);
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

    /** Team mode's accounts: the first admin, logging in, and the admin's management of accounts. */
    public AccountService accounts() {
        return accounts;
    }

    public TemplateService templates() {
        return templates;
    }

    public TemplateCatalog templateCatalog() {
        return catalog;
    }

    public Keyboards keyboards() {
        return keyboards;
    }

    public TelegramComposer composer() {
        return composer;
    }

    public MessageRenderer renderer() {
        return renderer;
    }

    /** The reminder policy; saving it re-plans the pending reminders of future bookings. */
    public ReminderPolicyService reminderPolicy() {
        return reminderPolicy;
    }

    public DashboardQueries dashboard() {
        return dashboard;
    }

    /** The delivery service while this console leads, else null. */
    public Dispatcher dispatcher() {
        synchronized (leaderServicesGuard) {
            return dispatcher;
        }
    }

    public Outbox outbox() {
        return outbox;
    }

    public DeliveryOps deliveryOps() {
        return deliveryOps;
    }

    /** The console's read models: requests, bookings, candidates, timelines. */
    public BookingQueries queries() {
        return queries;
    }

    public WaitingList waitingList() {
        return waitingList;
    }

    public InviteService invites() {
        return invites;
    }

    public RecruiterMessages recruiterMessages() {
        return recruiterMessages;
    }

    public CandidateJourney journey() {
        return journey;
    }

    /** The update poller while this console leads, else null. */
    public UpdatePoller poller() {
        synchronized (leaderServicesGuard) {
            return poller;
        }
    }

    /**
     * Sandbox only: moves the clock forward by {@code by} and wakes the dispatcher, so reminders that became due go
     * out now. Returns false (and does nothing) with a live bot.
     */
    public boolean fastForward(Duration by) {
        Optional<ShiftableClock> clock = context.shiftableClock();
        if (clock.isEmpty() || bot == null || !bot.isSandbox()) {
            return false;
        }
        clock.get().shift(by);
        log.info("sandbox.clock shifted={} offset={}", by, clock.get().offset());
        synchronized (leaderServicesGuard) {
            if (dispatcher != null) {
                dispatcher.wake();
            }
        }
        return true;
    }

    /** Who runs the dispatcher and the poller: for the status bar and the Delivery screen. */
    public LeaseStatus leaseStatus() {
        return lease.status();
    }

    /** The leader lease: services that only the leader runs subscribe here; a 409 Conflict calls stepDown. */
    public LeaderLease leaderLease() {
        return lease;
    }

    /** True while this console's dispatcher runs. */
    public boolean isDispatching() {
        synchronized (leaderServicesGuard) {
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

    /**
     * The bot's @username for invite links: the sandbox bot's, or the live bot's as getMe tells it (asked once, on
     * first use: call it off the FX thread). Null when services are not started or Telegram cannot be reached.
     */
    public String botUsername() {
        BotConnection connected = bot;
        if (botUsername == null && connected != null) {
            if (connected.isSandbox()) {
                botUsername = FakeBotApi.BOT_USERNAME;
            } else {
                CallResult<BotIdentity> me = connected.gateway().getMe();
                botUsername = me.isOk() ? me.value().username() : null;
            }
        }
        return botUsername;
    }

    /** The team's bot token and callback key as this console can read them. */
    public BotSecrets secrets() {
        return secrets;
    }

    /** The bot connection, once {@link #startServices()} ran; null on a console that cannot read the team's secrets. */
    public BotConnection bot() {
        return bot;
    }

    @Override
    public synchronized void close() {
        lease.close(); // stops the poller and the dispatcher if this console leads
        live.close();
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
