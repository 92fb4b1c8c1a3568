package dev.recruitdesk.ui;

import dev.recruitdesk.accounts.Caller;
import dev.recruitdesk.accounts.TestCallers;
import dev.recruitdesk.booking.BookingChanges;
import dev.recruitdesk.booking.BookingService;
import dev.recruitdesk.booking.CandidateService;
import dev.recruitdesk.booking.DashboardQueries;
import dev.recruitdesk.booking.MessageActions;
import dev.recruitdesk.booking.RecruiterService;
import dev.recruitdesk.booking.ReminderPolicyService;
import dev.recruitdesk.booking.SlotService;
import dev.recruitdesk.booking.TemplateService;
import dev.recruitdesk.delivery.DeliveryHealth;
import dev.recruitdesk.delivery.DeliveryOps;
import dev.recruitdesk.delivery.Outbox;
import dev.recruitdesk.delivery.OutboxSignal;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.TestDatabases;
import dev.recruitdesk.telegram.CallbackCodec;
import dev.recruitdesk.telegram.Keyboards;
import dev.recruitdesk.telegram.MessageRenderer;
import dev.recruitdesk.telegram.TelegramComposer;
import dev.recruitdesk.telegram.TemplateCatalog;
import dev.recruitdesk.ui.delivery.ServiceStatus;
import dev.recruitdesk.ui.settings.BotProbe;
import dev.recruitdesk.ui.settings.SettingsStore;
import dev.recruitdesk.ui.templates.TemplatePreviewer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The admin screens' services wired as in the app on a real H2 file: the real outbox, the bot's composer and
 * renderer, an in-memory settings store, and the preview implementation of the app (built through its factory).
 */
public final class AdminFixture implements AutoCloseable {

    public final Database db;
    public final Clock clock;
    public final OutboxSignal signal = new OutboxSignal();
    public final TemplateCatalog catalog = new TemplateCatalog();
    public final TemplateService templates;
    public final MessageRenderer renderer;
    public final BookingService bookings;
    public final SlotService slots;
    public final DeliveryOps ops;
    public final ReminderPolicyService policy;
    public final RecruiterService recruiters;
    public final long recruiter;
    public final Map<SettingsStore.Setting, String> file = new EnumMap<>(SettingsStore.Setting.class);
    public final List<String> themes = new ArrayList<>();
    public Supplier<DeliveryHealth> health = () -> null;
    public ZoneId zone = ZoneId.of("Europe/Moscow");

    public AdminFixture(Path folder, Clock clock) {
        this.clock = clock;
        this.db = TestDatabases.h2(folder);
        this.templates = new TemplateService(db, clock, catalog);
        this.renderer = new MessageRenderer(templates, catalog);
        TelegramComposer composer = new TelegramComposer(renderer,
                new Keyboards(CallbackCodec.fromBase64Key(CallbackCodec.generateKey()), renderer));
        this.bookings = new BookingService(db, clock, new Outbox(clock, signal), composer, new BookingChanges());
        this.slots = new SlotService(db, clock);
        this.ops = new DeliveryOps(db, clock, signal);
        this.policy = new ReminderPolicyService(db, clock, bookings.reminderReplanner());
        this.recruiters = new RecruiterService(db);
        this.recruiter = recruiters.ensureDefault("Анна Смирнова", zone).getId();
    }

    /** A candidate with a Telegram chat. */
    public long candidate(String name, long chat) {
        long id = new CandidateService(db).create(TestCallers.ADMIN, name, "Asia/Novosibirsk").getId();
        db.run(s -> s.find(Candidate.class, id).bindTelegram(chat, chat, null));
        return id;
    }

    public ConsoleServices services() {
        return new ConsoleServices(slots, bookings, TestCallers.soleUser(recruiter), zone, null, clock, "/tmp/data", false);
    }

    public AdminServices admin(TemplatePreviewer previewer) {
        ServiceStatus status = new ServiceStatus() {
            @Override
            public BotState botState() {
                return BotState.SANDBOX;
            }

            @Override
            public String leaseHolder() {
                return THIS_CONSOLE;
            }

            @Override
            public DeliveryHealth health() {
                return health.get();
            }
        };
        SettingsStore settings = new SettingsStore() {
            @Override
            public Optional<String> get(Setting setting) {
                return Optional.ofNullable(file.get(setting));
            }

            @Override
            public String problem(Setting setting, String value) {
                if (value == null || value.isBlank()) {
                    return null;
                }
                return switch (setting) {
                    case TELEGRAM_API_URL -> value.startsWith("http") ? null : "must start with http";
                    case BOOKING_HORIZON_DAYS -> value.matches("[0-9]{1,3}") && Integer.parseInt(value) >= 1 ? null : "days";
                    default -> null;
                };
            }

            @Override
            public void saveAll(Map<Setting, String> values) {
                file.putAll(values);
            }
        };
        BotProbe probe = (token, url) -> new BotProbe.Result(true, "Test bot (@test_bot)", null);
        return new AdminServices(ops, new MessageActions(db, ops, clock), status, templates, previewer, policy, recruiters, new DashboardQueries(db, clock), settings,
                probe, Caller.soleUser(recruiter, "tester"), themes::add);
    }

    @Override
    public void close() {
        db.close();
    }
}
