package dev.recruitdesk.ui.settings;

import static dev.recruitdesk.ui.ConsoleHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.booking.TestBookings;
import dev.recruitdesk.delivery.MessageQuery;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.OutboxMessage;
import dev.recruitdesk.domain.OutboxStatus;
import dev.recruitdesk.ui.ConsoleFlowTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The Settings screen on the whole console: a new reminder offset saved there moves the pending reminders of
 * future interviews in the outbox, and a reminder Telegram already received is not sent again.
 */
class SettingsFlowTest extends ConsoleFlowTest {

    /** 12:00 in Moscow, the candidates' zone: no reminder below falls in quiet hours (22:00–08:00). */
    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");
    private static final Clock CLOCK = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), NOW));

    @Override
    protected Clock clock() {
        return CLOCK;
    }

    @Test
    void aNewReminderOffsetMovesPendingRemindersAndSendsNothingTwice(FxRobot robot) throws Exception {
        Instant laterStart = NOW.plus(Duration.ofHours(30));
        long later = approvedBooking("Ольга Морозова", 7_500_001L, laterStart);
        long sooner = approvedBooking("Сергей Новиков", 7_500_002L, NOW.plus(Duration.ofHours(20)));
        // the sooner interview is less than a day away: its day-before reminder goes out at once, after the approval
        await(() -> console.telegram.messagesTo(7_500_002L).size() == 2 && console.telegram.messagesTo(7_500_001L).size() == 1);
        assertThat(byKind(sooner).get("reminder_day_before").getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(byKind(later).get("reminder_day_before").getDueAt()).isEqualTo(laterStart.minus(Duration.ofHours(24)));
        Instant confirmDue = byKind(later).get("reminder_confirm_2h").getDueAt();

        robot.clickOn("#navSettings");
        await(() -> robot.lookup("#reminder-day_before-minutes").tryQuery().isPresent()
                && "1440".equals(robot.lookup("#reminder-day_before-minutes").queryAs(TextField.class).getText())
                && !robot.lookup(".settings #loadingIndicator").queryAs(Node.class).isVisible());
        robot.doubleClickOn("#reminder-day_before-minutes");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("1500");
        robot.clickOn("#saveButton");
        await(() -> robot.lookup("#formMessage").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#formMessage").queryAs(Label.class).getText()).isEqualTo("Settings saved.");

        // re-planned: 25 hours before the start now; the other kinds stay where they were
        assertThat(byKind(later).get("reminder_day_before").getStatus()).isEqualTo(OutboxStatus.PENDING);
        assertThat(byKind(later).get("reminder_day_before").getDueAt()).isEqualTo(laterStart.minus(Duration.ofHours(25)));
        assertThat(byKind(later).get("reminder_confirm_2h").getDueAt()).isEqualTo(confirmDue);
        OutboxMessage sent = byKind(sooner).get("reminder_day_before");
        assertThat(sent.getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(sent.getAttempts()).isEqualTo(1);

        // a message queued after the save reaches Telegram: anything queued again would have gone out with it
        approvedBooking("Павел Волков", 7_500_003L, NOW.plus(Duration.ofDays(3)));
        await(() -> console.telegram.messagesTo(7_500_003L).size() == 1);
        assertThat(console.telegram.messagesTo(7_500_002L)).hasSize(2);
        assertThat(console.telegram.messagesTo(7_500_001L)).hasSize(1);
        assertThat(console.backend.deliveryOps().duplicatesLast24h()).isZero();
    }

    private long approvedBooking(String name, long chat, Instant start) {
        long candidate = console.services.candidates().create(console.services.caller(), name, "Europe/Moscow", null, null).getId();
        console.backend.database().run(s -> s.find(Candidate.class, candidate).bindTelegram(chat, chat, null));
        long slot = console.services.slots().create(console.services.caller(), console.services.recruiterId(), start, Duration.ofMinutes(30), "https://meet.example/rd").id();
        long booking = console.services.bookings().request(slot, candidate, Actor.CANDIDATE).getId();
        TestBookings.approve(console.services.bookings(), booking);
        return booking;
    }

    private Map<String, OutboxMessage> byKind(long booking) {
        List<OutboxMessage> messages = console.backend.deliveryOps().list(MessageQuery.all().withBookingId(booking));
        return messages.stream().collect(Collectors.toMap(OutboxMessage::getKind, m -> m));
    }
}
