package dev.recruitdesk.ui.delivery;

import static dev.recruitdesk.ui.ConsoleHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.booking.TestBookings;
import dev.recruitdesk.delivery.MessageQuery;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.DeliveryAttempt;
import dev.recruitdesk.domain.OutboxMessage;
import dev.recruitdesk.domain.OutboxStatus;
import dev.recruitdesk.sandbox.Fault;
import dev.recruitdesk.sandbox.FakeMessage;
import dev.recruitdesk.ui.ConsoleFlowTest;
import dev.recruitdesk.ui.delivery.DeliveryViewModel.AttemptRow;
import dev.recruitdesk.ui.delivery.DeliveryViewModel.MessageRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The Delivery screen on the whole console (sandbox Telegram, dispatcher, H2 file): a message Telegram refused is
 * shown FAILED, and once Telegram accepts again, Resend delivers it exactly once, with the ledger and audit to show.
 */
class DeliveryFlowTest extends ConsoleFlowTest {

    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");
    /** Starts at NOW and runs: the dispatcher's pacing needs time to pass. */
    private static final Clock CLOCK = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), NOW));
    private static final long CHAT = 7_300_001L;

    @Override
    protected Clock clock() {
        return CLOCK;
    }

    @Test
    void resendingAFailedMessageDeliversItExactlyOnceAndRecordsWhoAsked(FxRobot robot) throws Exception {
        long candidate = console.services.candidates().create(console.services.caller(), "Ivan Petrov", "Europe/Moscow", null, null).getId();
        console.backend.database().run(s -> s.find(Candidate.class, candidate).bindTelegram(CHAT, CHAT, "ivan"));
        long slot = console.services.slots().create(console.services.caller(), console.services.recruiterId(), NOW.plus(Duration.ofDays(3)),
                Duration.ofMinutes(30), "https://meet.example/rd").id();
        long booking = console.services.bookings().request(slot, candidate, Actor.CANDIDATE).getId();
        console.telegram.failChat(CHAT, Fault.blocked());
        TestBookings.approve(console.services.bookings(), booking);
        await(() -> approval(booking).getStatus() == OutboxStatus.FAILED);
        long id = approval(booking).getId();
        assertThat(console.telegram.messagesTo(CHAT)).isEmpty();

        robot.clickOn("#navDelivery");
        await(() -> row(robot, id) != null && row(robot, id).getItem().status() == OutboxStatus.FAILED);
        console.telegram.clearFaults();
        select(robot, id);
        await(() -> !robot.lookup("#resendButton").queryAs(Node.class).isDisable());
        robot.clickOn("#resendButton");

        await(() -> approval(booking).getStatus() == OutboxStatus.SENT);
        List<FakeMessage> received = console.telegram.messagesTo(CHAT);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).text()).isEqualTo(approval(booking).getText());
        assertThat(robot.lookup("#actionMessage").queryAs(Label.class).getText()).contains(String.valueOf(id));

        // the open screen shows the new attempt after the operator's request, under the refused one
        await(() -> attemptOutcomes(robot).equals(List.of("UNREACHABLE", "RESEND_REQUESTED", "SENT")));
        await(() -> row(robot, id) != null && row(robot, id).getItem().status() == OutboxStatus.SENT);
        assertThat(robot.lookup("#resendButton").queryAs(Node.class).isDisable()).isTrue();
        assertThat(robot.lookup("#healthDuplicates").queryAs(Label.class).getText()).isEqualTo("0");

        // the audit: who asked, in the append-only ledger
        List<DeliveryAttempt> ledger = console.backend.deliveryOps().attempts(id);
        assertThat(ledger).extracting(a -> a.getOutcome().name()).containsExactly("UNREACHABLE", "RESEND_REQUESTED", "SENT");
        assertThat(ledger.get(1).getError()).isEqualTo("resend requested by " + console.admin.consoleUser() + " (was FAILED)");
        assertThat(console.telegram.messagesTo(CHAT)).hasSize(1);
    }

    private OutboxMessage approval(long booking) {
        return console.backend.deliveryOps().list(MessageQuery.all().withBookingId(booking).withKind("approved")).get(0);
    }

    /**
     * Clicks the message's row. The table reloads every 2 s and a row node may show another message by the time the
     * pointer arrives, so the click is checked and repeated on the row that holds the message then.
     */
    @SuppressWarnings("unchecked")
    private static void select(FxRobot robot, long id) throws Exception {
        TableView<MessageRow> table = robot.lookup("#messageTable").queryAs(TableView.class);
        for (int tries = 0; tries < 5; tries++) {
            await(() -> row(robot, id) != null);
            robot.clickOn(row(robot, id));
            MessageRow selected = table.getSelectionModel().getSelectedItem();
            if (selected != null && selected.id() == id) {
                return;
            }
        }
        throw new AssertionError("message " + id + " could not be selected");
    }

    @SuppressWarnings("unchecked")
    private static TableRow<MessageRow> row(FxRobot robot, long id) {
        return robot.lookup("#messageTable .table-row-cell").queryAll().stream()
                .map(n -> (TableRow<MessageRow>) n)
                .filter(r -> r.getItem() != null && r.getItem().id() == id)
                .findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static List<String> attemptOutcomes(FxRobot robot) {
        TableView<AttemptRow> table = robot.lookup("#attemptTable").queryAs(TableView.class);
        return table.getItems().stream().map(AttemptRow::outcome).toList();
    }
}
