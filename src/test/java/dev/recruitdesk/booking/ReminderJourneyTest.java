package dev.recruitdesk.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.recruitdesk.MutableClock;
import dev.recruitdesk.accounts.TestCallers;
import dev.recruitdesk.delivery.DeliveryOps;
import dev.recruitdesk.delivery.Dispatcher;
import dev.recruitdesk.delivery.DispatcherSettings;
import dev.recruitdesk.delivery.MessageQuery;
import dev.recruitdesk.delivery.OutboxSignal;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.Booking;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.OutboxMessage;
import dev.recruitdesk.domain.OutboxStatus;
import dev.recruitdesk.sandbox.FakeBotApi;
import dev.recruitdesk.sandbox.FakeMessage;
import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.TestDatabases;
import dev.recruitdesk.telegram.BotGateway;
import dev.recruitdesk.telegram.CallbackCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reminders end to end: booking use cases → outbox → dispatcher → real HTTP → FakeBotApi, with a clock the test
 * moves. Each reminder must arrive once, at its time, for the booking's current time only.
 */
class ReminderJourneyTest {

    /** Monday 1 Dec 2026, 09:00 Moscow. */
    private static final Instant NOW = Instant.parse("2026-12-01T06:00:00Z");
    /** Thursday 3 Dec 2026, 15:00 Moscow. */
    private static final Instant INTERVIEW = Instant.parse("2026-12-03T12:00:00Z");
    private static final long CHAT = 5_000_001L;

    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(NOW);
    private final OutboxSignal signal = new OutboxSignal();
    private FakeBotApi telegram;
    private BotGateway gateway;
    private Database db;
    private Dispatcher dispatcher;
    private BookingService bookings;
    private SlotService slots;
    private DeliveryOps ops;
    private long recruiter;
    private long candidate;

    @BeforeEach
    void setUp() {
        telegram = FakeBotApi.start();
        gateway = new BotGateway(telegram.validToken(), telegram.apiUrl(), Duration.ofSeconds(2), Duration.ofSeconds(5));
        openDatabase();
        recruiter = new RecruiterService(db).ensureDefault("Анна Смирнова", ZoneId.of("Europe/Moscow")).getId();
        candidate = new CandidateService(db).create(TestCallers.ADMIN, "Иван Петров", "Asia/Novosibirsk").getId();
        db.run(s -> s.find(Candidate.class, candidate).bindTelegram(CHAT, CHAT, "ivan"));
    }

    private void openDatabase() {
        db = TestDatabases.h2(tmp);
        bookings = TestBookings.service(db, clock, signal, CallbackCodec.fromBase64Key(CallbackCodec.generateKey()));
        slots = new SlotService(db, clock);
        ops = new DeliveryOps(db, clock, signal);
        dispatcher = new Dispatcher(db, gateway, clock, DispatcherSettings.defaults().withPacing(0, Duration.ZERO), signal);
        dispatcher.start();
    }

    private void closeDatabase() {
        dispatcher.stop();
        db.close();
    }

    @AfterEach
    void tearDown() {
        closeDatabase();
        gateway.close();
        telegram.close();
    }

    @Test
    void approvedBookingGetsEachReminderOnceAtItsTimeAndConfirmationStopsThePrompts() {
        Booking b = requestAndApprove(INTERVIEW);
        awaitTexts(1);
        assertThat(texts().get(0)).contains("подтверждено").contains("3 дек, 19:00 (Новосибирск");

        moveTo(INTERVIEW.minus(Duration.ofHours(24)).minusSeconds(60));
        assertStillSent(1);
        moveTo(INTERVIEW.minus(Duration.ofHours(24)));
        awaitTexts(2);
        assertThat(texts().get(1)).contains("завтра собеседование");
        assertThat(telegram.messagesTo(CHAT).get(1).replyMarkupJson()).contains("Подтверждаю").contains("Не смогу");

        moveTo(INTERVIEW.minus(Duration.ofHours(2)));
        awaitTexts(3);
        assertThat(texts().get(2)).contains("Сегодня всё в силе");

        bookings.confirm(b.getId());
        awaitTexts(4);
        assertThat(texts().get(3)).contains("Спасибо, что подтвердили");

        moveTo(INTERVIEW.minus(Duration.ofMinutes(10)));
        awaitTexts(5);
        assertThat(texts().get(4)).contains("начинается").contains("https://meet.example/rd");

        moveTo(INTERVIEW.plus(Duration.ofHours(1)));
        assertStillSent(5);
        assertThat(keysSent()).containsExactlyInAnyOrder(
                "approved:booking-" + b.getId() + ":rev-1",
                "day_before:booking-" + b.getId() + ":rev-1",
                "confirm_2h:booking-" + b.getId() + ":rev-1",
                "confirmed_thanks:booking-" + b.getId() + ":rev-1",
                "starting_soon:booking-" + b.getId() + ":rev-1");
        assertThat(ops.duplicatesLast24h()).isZero();
    }

    @Test
    void reapprovalAfterTheReminderWentOutSendsNothingNew() {
        Booking b = requestAndApprove(INTERVIEW);
        moveTo(INTERVIEW.minus(Duration.ofHours(24)));
        awaitTexts(2);

        TestBookings.approve(bookings, b.getId());
        TestBookings.approve(bookings, b.getId());
        moveTo(INTERVIEW.minus(Duration.ofHours(23)));

        assertStillSent(2);
        assertThat(telegram.sentCount()).isEqualTo(2);
    }

    @Test
    void rescheduleAfterTheDayBeforeReminderSendsTheNewTimesRemindersAndNoneForTheOldTime() {
        Booking b = requestAndApprove(INTERVIEW);
        moveTo(INTERVIEW.minus(Duration.ofHours(24)));
        awaitTexts(2);

        Instant later = INTERVIEW.plus(Duration.ofDays(2));
        long newSlot = slots.create(TestCallers.ADMIN, recruiter, later, Duration.ofMinutes(45), "https://meet.example/rd").id();
        Booking moved = TestBookings.reschedule(bookings, b.getId(), newSlot, Actor.RECRUITER);
        assertThat(moved.getRevision()).isEqualTo(2);
        awaitTexts(3);
        assertThat(texts().get(2)).contains("Время собеседования изменилось").contains("5 дек, 19:00");

        // the old time's 2-hour prompt and "starting soon" never go out
        moveTo(INTERVIEW.plus(Duration.ofHours(1)));
        assertStillSent(3);
        assertThat(ops.list(MessageQuery.all().withBookingId(b.getId()).withStatuses(java.util.Set.of(OutboxStatus.CANCELLED))))
                .extracting(OutboxMessage::getDedupKey)
                .contains("confirm_2h:booking-" + b.getId() + ":rev-1", "starting_soon:booking-" + b.getId() + ":rev-1");

        moveTo(later.minus(Duration.ofHours(24)));
        awaitTexts(4);
        moveTo(later.minus(Duration.ofHours(2)));
        awaitTexts(5);
        assertThat(telegram.messagesTo(CHAT).get(4).replyMarkupJson()).contains("Подтверждаю");
        assertThat(keysSent()).filteredOn(k -> k.endsWith("rev-1")).hasSize(2);
        assertThat(keysSent()).filteredOn(k -> k.endsWith("rev-2")).containsExactlyInAnyOrder(
                "rescheduled:booking-" + b.getId() + ":rev-2",
                "day_before:booking-" + b.getId() + ":rev-2",
                "confirm_2h:booking-" + b.getId() + ":rev-2");
    }

    @Test
    void restartBetweenPlanAndDueTimeLosesNothingAndSendsNothingStale() {
        Booking b = requestAndApprove(INTERVIEW);
        awaitTexts(1);
        closeDatabase();

        // down over the day-before reminder's due time, back while it is still useful: it arrives, once
        clock.set(INTERVIEW.minus(Duration.ofHours(23)));
        openDatabase();
        dispatcher.wake();
        awaitTexts(2);
        assertThat(texts().get(1)).contains("завтра собеседование");
        closeDatabase();

        // down until the interview started: the 2-hour prompt and "starting soon" expired meanwhile, never sent
        clock.set(INTERVIEW.plus(Duration.ofMinutes(1)));
        openDatabase();
        dispatcher.wake();
        assertStillSent(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> ops.list(MessageQuery.all().withBookingId(b.getId())
                .withStatuses(java.util.Set.of(OutboxStatus.EXPIRED))).size() == 2);
        assertThat(ops.list(MessageQuery.all().withBookingId(b.getId()).withStatuses(java.util.Set.of(OutboxStatus.EXPIRED))))
                .extracting(OutboxMessage::getKind).containsExactlyInAnyOrder("reminder_confirm_2h", "reminder_starting_soon");
    }

    private Booking requestAndApprove(Instant start) {
        long slot = slots.create(TestCallers.ADMIN, recruiter, start, Duration.ofMinutes(45), "https://meet.example/rd").id();
        Booking b = bookings.request(slot, candidate, Actor.CANDIDATE);
        return TestBookings.approve(bookings, b.getId());
    }

    private void moveTo(Instant t) {
        clock.set(t);
        dispatcher.wake();
    }

    private void awaitTexts(int n) {
        await().atMost(Duration.ofSeconds(15)).until(() -> telegram.messagesTo(CHAT).size() >= n);
        assertThat(telegram.messagesTo(CHAT)).hasSize(n);
    }

    /** Nothing more arrives: the dispatcher ran a cycle at this time and the fake still holds {@code n} messages. */
    private void assertStillSent(int n) {
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(3)).until(() -> telegram.messagesTo(CHAT).size() == n);
    }

    private List<String> texts() {
        return telegram.messagesTo(CHAT).stream().map(FakeMessage::text).toList();
    }

    private List<String> keysSent() {
        return ops.list(MessageQuery.all().withStatuses(java.util.Set.of(OutboxStatus.SENT))).stream().map(OutboxMessage::getDedupKey).toList();
    }
}
