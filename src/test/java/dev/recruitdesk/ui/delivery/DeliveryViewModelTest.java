package dev.recruitdesk.ui.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.recruitdesk.MutableClock;
import dev.recruitdesk.accounts.TestCallers;
import dev.recruitdesk.booking.TestBookings;
import dev.recruitdesk.delivery.Dispatcher;
import dev.recruitdesk.delivery.DispatcherSettings;
import dev.recruitdesk.delivery.MessageQuery;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.OutboxStatus;
import dev.recruitdesk.sandbox.FakeBotApi;
import dev.recruitdesk.sandbox.Fault;
import dev.recruitdesk.telegram.BotGateway;
import dev.recruitdesk.ui.AdminFixture;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.TaskRunner;
import dev.recruitdesk.ui.delivery.DeliveryViewModel.MessageRow;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Delivery view model over the real outbox, dispatcher, gateway and a FakeBotApi on loopback: a message Telegram
 * refused is resent from the screen once Telegram accepts again, and arrives exactly once.
 */
class DeliveryViewModelTest {

    private static final Instant NOW = Instant.parse("2026-12-01T06:00:00Z");
    private static final long CHAT = 5_100_001L;

    @TempDir
    Path tmp;
    private final MutableClock clock = new MutableClock(NOW);
    private FakeBotApi telegram;
    private BotGateway gateway;
    private AdminFixture fx;
    private Dispatcher dispatcher;

    @BeforeEach
    void setUp() {
        telegram = FakeBotApi.start();
        gateway = new BotGateway(telegram.validToken(), telegram.apiUrl(), Duration.ofSeconds(2), Duration.ofSeconds(5));
        fx = new AdminFixture(tmp, clock);
        dispatcher = new Dispatcher(fx.db, gateway, clock, DispatcherSettings.defaults().withPacing(0, Duration.ZERO), fx.signal);
        fx.health = dispatcher::health;
        dispatcher.start();
    }

    @AfterEach
    void tearDown() {
        dispatcher.stop();
        fx.close();
        gateway.close();
        telegram.close();
    }

    @Test
    void resendsAFailedMessageOnceTelegramAcceptsAgainExactlyOneNewDelivery() {
        telegram.failNext(Fault.badRequest("Bad Request: can't parse entities"), 1);
        long candidate = fx.candidate("Иван Петров", CHAT);
        long slot = fx.slots.create(TestCallers.ADMIN, fx.recruiter, NOW.plus(Duration.ofDays(2)), Duration.ofMinutes(30), "https://meet.example/rd").id();
        long booking = fx.bookings.request(slot, candidate, Actor.CANDIDATE).getId();
        TestBookings.approve(fx.bookings, booking);
        await().atMost(Duration.ofSeconds(10)).until(() -> !fx.ops.list(MessageQuery.all()
                .withStatuses(Set.of(OutboxStatus.FAILED))).isEmpty());
        assertThat(telegram.messagesTo(CHAT)).isEmpty();

        DeliveryViewModel vm = new DeliveryViewModel(fx.admin(null), fx.zone, TaskRunner.direct(), new I18n(Locale.ENGLISH));
        vm.statusFilterProperty().set(OutboxStatus.FAILED);
        assertThat(vm.rows()).hasSize(1);
        MessageRow failed = vm.rows().get(0);
        assertThat(failed.kind()).isEqualTo("approved");
        assertThat(failed.recipient()).isEqualTo("Иван Петров");
        assertThat(failed.lastError()).contains("can't parse entities");
        vm.selectedProperty().set(failed);
        assertThat(vm.attempts()).extracting(DeliveryViewModel.AttemptRow::outcome).containsExactly("BAD_REQUEST");
        assertThat(vm.canResendProperty().get()).isTrue();
        assertThat(vm.canCancelProperty().get()).isFalse();
        assertThat(vm.healthProperty().get().duplicates24h()).isZero();

        vm.resend();

        assertThat(vm.messageProperty().get()).isEqualTo("Message #" + failed.id() + " is queued again.");
        await().atMost(Duration.ofSeconds(10)).until(() -> telegram.messagesTo(CHAT).size() == 1);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> telegram.messagesTo(CHAT).size() == 1);
        assertThat(telegram.messagesTo(CHAT).get(0).text()).contains("Иван Петров");
        vm.statusFilterProperty().set(null);
        vm.refresh();
        MessageRow now = vm.rows().stream().filter(r -> r.id() == failed.id()).findFirst().orElseThrow();
        assertThat(now.status()).isEqualTo(OutboxStatus.SENT);
        vm.selectedProperty().set(now);
        assertThat(vm.attempts()).extracting(DeliveryViewModel.AttemptRow::outcome)
                .containsExactly("BAD_REQUEST", "RESEND_REQUESTED", "SENT");
        assertThat(vm.attempts().get(1).error()).contains("resend requested by tester");
        assertThat(vm.canResendProperty().get()).isFalse();
        vm.resend();
        assertThat(fx.ops.count(MessageQuery.all().withKind("approved"))).isEqualTo(1);
        assertThat(telegram.messagesTo(CHAT)).hasSize(1);
        assertThat(vm.healthProperty().get().duplicates24h()).isZero();
    }

    @Test
    void cancelsAPendingReminderAndFiltersByKindAndText() {
        long candidate = fx.candidate("Ольга Морозова", CHAT + 1);
        long slot = fx.slots.create(TestCallers.ADMIN, fx.recruiter, NOW.plus(Duration.ofDays(3)), Duration.ofMinutes(30), "https://meet.example/rd").id();
        TestBookings.approve(fx.bookings, fx.bookings.request(slot, candidate, Actor.CANDIDATE).getId());
        DeliveryViewModel vm = new DeliveryViewModel(fx.admin(null), fx.zone, TaskRunner.direct(), new I18n(Locale.ENGLISH));

        vm.kindFilterProperty().set("reminder_day_before");
        assertThat(vm.rows()).hasSize(1);
        assertThat(vm.kinds()).contains("approved", "reminder_day_before", "reminder_confirm_2h");
        MessageRow reminder = vm.rows().get(0);
        assertThat(reminder.status()).isEqualTo(OutboxStatus.PENDING);
        vm.selectedProperty().set(reminder);
        assertThat(vm.canCancelProperty().get()).isTrue();
        vm.cancel();
        assertThat(vm.rows().get(0).status()).isEqualTo(OutboxStatus.CANCELLED);

        vm.kindFilterProperty().set(null);
        vm.searchProperty().set("no such text anywhere");
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.pageLabelProperty().get()).isEqualTo("0–0 of 0");
    }
}
