package dev.recruitdesk.telegram;

import static org.awaitility.Awaitility.await;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.recruitdesk.accounts.TestCallers;
import dev.recruitdesk.booking.BookingChanges;
import dev.recruitdesk.booking.BookingService;
import dev.recruitdesk.booking.CandidateJourney;
import dev.recruitdesk.booking.CandidateService;
import dev.recruitdesk.booking.InviteService;
import dev.recruitdesk.booking.JourneySettings;
import dev.recruitdesk.booking.RecruiterMessages;
import dev.recruitdesk.booking.RecruiterService;
import dev.recruitdesk.booking.SlotService;
import dev.recruitdesk.booking.TemplateService;
import dev.recruitdesk.booking.WaitingList;
import dev.recruitdesk.delivery.Dispatcher;
import dev.recruitdesk.delivery.DispatcherSettings;
import dev.recruitdesk.delivery.Outbox;
import dev.recruitdesk.delivery.OutboxSignal;
import dev.recruitdesk.sandbox.FakeBotApi;
import dev.recruitdesk.sandbox.FakeMessage;
import dev.recruitdesk.sandbox.FakeUser;
import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.DatabaseSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The bot as the console runs it, over real HTTP: FakeBotApi ← BotGateway ← UpdatePoller → CandidateConversation,
 * the outbox and a dispatcher without pacing, on an H2 file, with a clock the test moves.
 */
final class JourneyFixture implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-12-01T06:00:00Z");
    static final UpdatePoller.Settings FAST = UpdatePoller.Settings.defaults()
            .withPollTimeoutSeconds(1)
            .withFailureRetryDelay(Duration.ZERO)
            .withTick(Duration.ofMillis(20));

    final dev.recruitdesk.MutableClock clock = new dev.recruitdesk.MutableClock(NOW);
    final FakeBotApi fake = FakeBotApi.start();
    final Database db;
    final OutboxSignal signal = new OutboxSignal();
    final Outbox outbox = new Outbox(clock, signal);
    final BotGateway gateway;
    final Dispatcher dispatcher;
    final CallbackCodec codec = CallbackCodec.fromBase64Key(CallbackCodec.generateKey());
    final MessageRenderer renderer;
    final Keyboards keyboards;
    final SlotService slots;
    final BookingService bookings;
    final CandidateService candidates;
    final WaitingList waitingList;
    final InviteService invites;
    final RecruiterMessages recruiterMessages;
    final CandidateJourney journey;
    final long recruiterId;
    private final CandidateConversation conversation;
    private UpdatePoller poller;

    JourneyFixture(Path dir, JourneySettings settings) {
        db = Database.open(DatabaseSettings.embedded(dir));
        gateway = new BotGateway(fake.validToken(), fake.apiUrl(), Duration.ofSeconds(5), Duration.ofSeconds(10));
        dispatcher = new Dispatcher(db, gateway, clock, DispatcherSettings.defaults().withPacing(0, Duration.ZERO), signal);
        TemplateCatalog catalog = new TemplateCatalog();
        renderer = new MessageRenderer(new TemplateService(db, clock, catalog), catalog);
        keyboards = new Keyboards(codec, renderer);
        TelegramNotices notices = new TelegramNotices(renderer, keyboards);
        slots = new SlotService(db, clock);
        bookings = new BookingService(db, clock, outbox, new TelegramComposer(renderer, keyboards), new BookingChanges());
        candidates = new CandidateService(db);
        waitingList = new WaitingList(db, outbox, notices, clock);
        invites = new InviteService(db, clock);
        recruiterMessages = new RecruiterMessages(db, outbox, notices, clock);
        journey = new CandidateJourney(bookings, waitingList, clock, settings);
        slots.onCreated((s, slot) -> waitingList.notifyNewSlots(s));
        recruiterId = new RecruiterService(db).ensureDefault("Olga Petrova", ZoneId.of("Europe/Moscow")).getId();
        conversation = new CandidateConversation(journey, invites, outbox, renderer, keyboards, codec, gateway, clock);
        dispatcher.start();
    }

    void startPoller() {
        poller = new UpdatePoller(gateway, db, conversation, clock, FAST);
        poller.start();
    }

    void stopPoller() {
        poller.stop();
    }

    UpdatePoller poller() {
        return poller;
    }

    long slot(Instant start) {
        return slots.create(TestCallers.ADMIN, recruiterId, start, Duration.ofMinutes(30), "https://meet.example/olga").id();
    }

    // ---- reading the chat

    /** Waits for a message (or an edit) in the user's chat whose text contains {@code text}; returns its latest state. */
    FakeMessage awaitText(FakeUser user, String text) {
        return awaitMessage(user, m -> m.text().contains(text));
    }

    FakeMessage awaitMessage(FakeUser user, Predicate<FakeMessage> condition) {
        List<FakeMessage> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            found.clear();
            fake.messagesTo(user.chatId()).stream().filter(condition).reduce((a, b) -> b).ifPresent(found::add);
            return !found.isEmpty();
        });
        return found.get(0);
    }

    long countText(FakeUser user, String text) {
        return fake.messagesTo(user.chatId()).stream().filter(m -> m.text().contains(text)).count();
    }

    /** The callback data of the button whose label contains {@code label}. */
    static Optional<String> button(FakeMessage m, String label) {
        return buttons(m).stream().filter(b -> b.get("text").getAsString().contains(label))
                .map(b -> b.get("callback_data").getAsString()).findFirst();
    }

    /** The callback data of the button picking {@code slotId}. */
    static Optional<String> slotButton(FakeMessage m, long slotId) {
        return buttons(m).stream().map(b -> b.get("callback_data")).filter(d -> d != null && d.getAsString().startsWith("v1:p:" + slotId + ":"))
                .map(JsonElement::getAsString).findFirst();
    }

    static List<JsonObject> buttons(FakeMessage m) {
        List<JsonObject> all = new ArrayList<>();
        if (m.replyMarkupJson() == null) {
            return all;
        }
        JsonArray rows = JsonParser.parseString(m.replyMarkupJson()).getAsJsonObject().getAsJsonArray("inline_keyboard");
        for (JsonElement row : rows) {
            for (JsonElement b : row.getAsJsonArray()) {
                all.add(b.getAsJsonObject());
            }
        }
        return all;
    }

    String press(FakeUser user, FakeMessage m, String label) {
        return fake.pressButton(user, m.messageId(), button(m, label).orElseThrow(() -> new AssertionError("no button '" + label + "' in " + m)));
    }

    /** The toast answered to a callback query, once answered. */
    String awaitAnswer(String callbackQueryId) {
        List<String> text = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> fake.callbackAnswers().stream()
                .filter(a -> a.callbackQueryId().equals(callbackQueryId)).findFirst().map(a -> {
                    text.add(a.text() == null ? "" : a.text());
                    return true;
                }).orElse(false));
        return text.get(0);
    }

    /** /start → name → Moscow → first day → the given slot: the booking request of one candidate. */
    void bookThroughTheBot(FakeUser user, String name, long slotId) {
        startAndRegister(user, name);
        FakeMessage days = awaitText(user, "Choose a day");
        pressDayOf(user, days, slotId);
        FakeMessage times = awaitMessage(user, m -> m.messageId() == days.messageId() && slotButton(m, slotId).isPresent());
        fake.pressButton(user, times.messageId(), slotButton(times, slotId).orElseThrow());
        awaitText(user, "Request sent");
    }

    void startAndRegister(FakeUser user, String name) {
        fake.enqueueStart(user, null);
        awaitText(user, "What is your name");
        fake.enqueueText(user, name);
        FakeMessage zones = awaitText(user, "Choose your city");
        press(user, zones, "Moscow");
    }

    /** Presses the day button of the day {@code slotId} is on (in Moscow time). */
    void pressDayOf(FakeUser user, FakeMessage days, long slotId) {
        Instant start = db.inTransaction(s -> s.find(dev.recruitdesk.domain.Slot.class, slotId).getStartAt());
        long epochDay = start.atZone(ZoneId.of("Europe/Moscow")).toLocalDate().toEpochDay();
        String data = buttons(days).stream().map(b -> b.get("callback_data").getAsString())
                .filter(d -> d.startsWith("v1:dy:" + epochDay + ":")).findFirst().orElseThrow();
        fake.pressButton(user, days.messageId(), data);
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.stop();
        }
        dispatcher.stop();
        gateway.close();
        db.close();
        fake.close();
    }
}
