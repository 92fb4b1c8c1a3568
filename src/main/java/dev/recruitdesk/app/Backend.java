package dev.recruitdesk.app;

import dev.recruitdesk.booking.BookingChanges;
import dev.recruitdesk.booking.BookingQueries;
import dev.recruitdesk.booking.BookingService;
import dev.recruitdesk.booking.CandidateMessaging;
import dev.recruitdesk.booking.InviteService;
import dev.recruitdesk.booking.CandidateService;
import dev.recruitdesk.booking.RecruiterService;
import dev.recruitdesk.booking.SlotService;
import dev.recruitdesk.booking.TemplateService;
import dev.recruitdesk.delivery.DeliveryOps;
import dev.recruitdesk.delivery.Dispatcher;
import dev.recruitdesk.delivery.DispatcherSettings;
import dev.recruitdesk.delivery.Outbox;
import dev.recruitdesk.delivery.OutboxSignal;
import dev.recruitdesk.domain.Recruiter;
import dev.recruitdesk.store.DataFolderLock;
import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.DatabaseSettings;
import dev.recruitdesk.sandbox.FakeBotApi;
import dev.recruitdesk.telegram.BotIdentity;
import dev.recruitdesk.telegram.CallResult;
import dev.recruitdesk.telegram.Keyboards;
import dev.recruitdesk.telegram.MessageRenderer;
import dev.recruitdesk.telegram.TelegramComposer;
import dev.recruitdesk.telegram.TemplateCatalog;
import java.time.Duration;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that needs the database: the open database, the use cases, the outbox and the bot connection.
 * Building it starts no thread; {@link #startServices()} starts the dispatcher. Closed once, on exit.
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
    private final OutboxSignal outboxSignal = new OutboxSignal();
    private final Outbox outbox;
    private final DeliveryOps deliveryOps;
    private final TemplateCatalog catalog = new TemplateCatalog();
    private final TemplateService templates;
    private final Keyboards keyboards;
    private final TelegramComposer composer;
    private final BookingQueries queries;
    private final InviteService invites;
    private final CandidateMessaging messaging;
    private volatile String botUsername;
    private volatile BotConnection bot;
    private Dispatcher dispatcher;

    private Backend(AppContext context, DataFolderLock lock, Database db) {
        this.context = context;
        this.lock = lock;
        this.db = db;
        this.outbox = new Outbox(context.clock(), outboxSignal);
        this.deliveryOps = new DeliveryOps(db, context.clock(), outboxSignal);
        this.recruiters = new RecruiterService(db);
        this.slots = new SlotService(db, context.clock());
        this.templates = new TemplateService(db, context.clock(), catalog);
        MessageRenderer renderer = new MessageRenderer(templates, catalog);
        this.keyboards = new Keyboards(context.callbackCodec(), renderer);
        this.composer = new TelegramComposer(renderer, keyboards);
        this.bookings = new BookingService(db, context.clock(), outbox, composer, new BookingChanges());
        this.candidates = new CandidateService(db);
        this.queries = new BookingQueries(db, context.clock(), deliveryOps);
        this.invites = new InviteService(db, context.clock());
        this.messaging = new CandidateMessaging(db, outbox, context.clock());
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

    /** Connects the bot (or starts the sandbox) and starts the delivery service thread. */
    public synchronized void startServices() {
        if (dispatcher != null) {
            return;
        }
        bot = BotConnection.open(context.config());
        double rate = context.config().get(Config.Key.DELIVERY_RATE).map(Double::parseDouble)
                .orElse(DispatcherSettings.defaults().ratePerSecond());
        dispatcher = new Dispatcher(db, bot.gateway(), context.clock(),
                DispatcherSettings.defaults().withPacing(rate, Duration.ofSeconds(1)), outboxSignal);
        dispatcher.start();
        log.info("services.started sandbox={} dispatcher={}", bot.isSandbox(), dispatcher.ownerId());
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

    public InviteService invites() {
        return invites;
    }

    public CandidateMessaging messaging() {
        return messaging;
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

    /** The bot connection, once {@link #startServices()} ran. */
    public BotConnection bot() {
        return bot;
    }

    @Override
    public synchronized void close() {
        if (dispatcher != null) {
            dispatcher.stop();
        }
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
