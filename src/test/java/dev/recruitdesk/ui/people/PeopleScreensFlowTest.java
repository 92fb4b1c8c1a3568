package dev.recruitdesk.ui.people;

import static dev.recruitdesk.ui.ConsoleHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.accounts.TestCallers;
import dev.recruitdesk.booking.TestBookings;
import dev.recruitdesk.ui.ConsoleFlowTest;
import dev.recruitdesk.delivery.MessageQuery;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.Booking;
import dev.recruitdesk.domain.BookingStatus;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.OutboxMessage;
import dev.recruitdesk.domain.OutboxStatus;
import dev.recruitdesk.sandbox.Fault;
import dev.recruitdesk.ui.bookings.BookingItem;
import dev.recruitdesk.ui.candidates.CandidateItem;
import dev.recruitdesk.ui.candidates.TimelineLine;
import dev.recruitdesk.ui.requests.RequestItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The people screens on the whole console (sandbox Telegram, dispatcher, H2 file): bookings made by candidates on
 * other threads appear live, approvals queue messages, declines update the open screen, and the candidate timeline
 * shows what Telegram said.
 */
class PeopleScreensFlowTest extends ConsoleFlowTest {

    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");
    /** Starts at NOW and runs: the dispatcher's pacing needs time to pass. */
    private static final Clock CLOCK = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), NOW));

    @Override
    protected Clock clock() {
        return CLOCK;
    }

    private long candidate(String name, long chat) {
        long id = console.services.candidates().create(TestCallers.ADMIN, name, "Asia/Novosibirsk", null, null).getId();
        console.backend.database().run(s -> s.find(Candidate.class, id).bindTelegram(chat, chat, name.toLowerCase(Locale.ROOT).replace(' ', '_')));
        return id;
    }

    private long slot(Duration fromNow) {
        return console.services.slots().create(TestCallers.ADMIN, console.services.recruiterId(), NOW.plus(fromNow), Duration.ofMinutes(30), "https://meet.example/rd").id();
    }

    /** A candidate books through the use case on another thread, as the bot's poller would. */
    private Booking bookFromAnotherThread(long slot, long candidate) {
        return CompletableFuture.supplyAsync(() -> console.services.bookings().request(slot, candidate, Actor.CANDIDATE)).join();
    }

    @Test
    void aRequestArrivingWhileTheScreenIsOpenAppearsLiveAndApprovingItQueuesTheApproval(FxRobot robot) throws Exception {
        robot.clickOn("#navRequests");
        await(() -> robot.lookup("#emptyState").queryAs(Node.class).isVisible());
        long ivan = candidate("Ivan Petrov", 7_000_001L);
        long slot = slot(Duration.ofDays(1));

        Booking booking = bookFromAnotherThread(slot, ivan);

        await(() -> requests(robot).getItems().size() == 1);
        assertThat(requests(robot).getItems().get(0).candidateName()).isEqualTo("Ivan Petrov");
        assertThat(requests(robot).getItems().get(0).candidateTime()).contains("Novosibirsk");
        await(() -> "1".equals(robot.lookup("#requestsBadge").queryAs(Label.class).getText()));
        await(() -> console.stage().getTitle().startsWith("(1) RecruitDesk"));
        await(() -> robot.lookup(".toast").tryQuery().isPresent());
        assertThat(robot.lookup(".toast-title").queryAs(Label.class).getText()).isEqualTo("Ivan Petrov booked a time");

        robot.clickOn("#request-" + booking.getId());
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        await(() -> requests(robot).getItems().isEmpty());
        assertThat(console.services.bookings().find(booking.getId()).getStatus()).isEqualTo(BookingStatus.APPROVED);
        List<OutboxMessage> approvals = console.backend.deliveryOps().list(MessageQuery.all().withBookingId(booking.getId()).withKind("approved"));
        assertThat(approvals).hasSize(1);
        await(() -> console.stage().getTitle().startsWith("RecruitDesk"));
        assertThat(robot.lookup("#requestsBadge").queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    void aDeclineArrivingWhileTheBookingsScreenIsOpenUpdatesIt(FxRobot robot) throws Exception {
        long anna = candidate("Anna Orlova", 7_000_002L);
        Booking booking = console.services.bookings().request(slot(Duration.ofHours(5)), anna, Actor.CANDIDATE);
        TestBookings.approve(console.services.bookings(), booking.getId());
        robot.clickOn("#navBookings");
        await(() -> bookings(robot).getItems().size() == 1 && bookings(robot).getItems().get(0).row().status() == BookingStatus.APPROVED);

        CompletableFuture.runAsync(() -> console.services.bookings().decline(booking.getId(), "I got sick")).join();

        await(() -> bookings(robot).getItems().size() == 1 && bookings(robot).getItems().get(0).row().status() == BookingStatus.DECLINED);
        BookingItem item = bookings(robot).getItems().get(0);
        assertThat(item.status()).isEqualTo("Declined");
        await(() -> robot.lookup(".toast-bad").tryQuery().isPresent());
    }

    @Test
    void theTimelineShowsADeliveredAndAFailedMessageAndTheBlockedBadge(FxRobot robot) throws Exception {
        long ok = candidate("Oleg Smirnov", 7_000_003L);
        long blocked = candidate("Boris Blokov", 7_000_004L);
        console.telegram.failChat(7_000_004L, Fault.blocked());
        Booking good = console.services.bookings().request(slot(Duration.ofDays(2)), ok, Actor.CANDIDATE);
        Booking bad = console.services.bookings().request(slot(Duration.ofDays(3)), blocked, Actor.CANDIDATE);
        TestBookings.approve(console.services.bookings(), good.getId());
        TestBookings.approve(console.services.bookings(), bad.getId());
        await(() -> sent(good.getId(), OutboxStatus.SENT) && sent(bad.getId(), OutboxStatus.FAILED));

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        await(() -> candidates(robot).getItems().size() == 2);
        robot.write("oleg");
        await(() -> candidates(robot).getItems().size() == 1);
        robot.clickOn("#candidate-" + ok);
        await(() -> timeline(robot).getItems().stream().anyMatch(l -> l.style().equals("tl-sent")));
        TimelineLine delivered = timeline(robot).getItems().stream().filter(l -> l.style().equals("tl-sent")).findFirst().orElseThrow();
        assertThat(delivered.title()).startsWith("Delivered: approval (Telegram message #");
        assertThat(timeline(robot).getItems()).anyMatch(l -> l.title().equals("Booked a time (by candidate)"));
        assertThat(timeline(robot).getItems()).anyMatch(l -> l.title().equals("Approved (by recruiter)"));

        robot.doubleClickOn("#searchField").write("boris");
        await(() -> candidates(robot).getItems().size() == 1 && candidates(robot).getItems().get(0).id() == blocked);
        CandidateItem boris = candidates(robot).getItems().get(0);
        assertThat(boris.blocked()).isTrue();
        robot.clickOn("#candidate-" + blocked);
        await(() -> timeline(robot).getItems().stream().anyMatch(l -> l.style().equals("tl-failed")));
        assertThat(timeline(robot).getItems()).anyMatch(l -> l.title().equals("Failed: approval — the candidate blocked the bot"));
        assertThat(robot.lookup("#detailBlocked").queryAs(Label.class).isVisible()).isTrue();

        robot.clickOn("#openChatButton");
        await(() -> !console.openedLinks.isEmpty());
        assertThat(console.openedLinks).containsExactly("https://t.me/boris_blokov");
    }

    @Test
    void keyboardNavigatesScreensAndShowsTheHelp(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        await(() -> robot.lookup(".bookings").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        await(() -> robot.lookup(".requests").tryQuery().isPresent());
        robot.press(KeyCode.F1).release(KeyCode.F1);
        await(() -> robot.lookup("#helpOverlay").queryAs(Node.class).isVisible());
        assertThat(robot.lookup(".help-keys").queryAllAs(Label.class)).extracting(Label::getText).contains("Ctrl+Enter", "Ctrl+F");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        await(() -> !robot.lookup("#helpOverlay").queryAs(Node.class).isVisible());
    }

    private boolean sent(long bookingId, OutboxStatus status) {
        return console.backend.deliveryOps().list(MessageQuery.all().withBookingId(bookingId).withKind("approved")).stream()
                .anyMatch(m -> m.getStatus() == status);
    }

    @SuppressWarnings("unchecked")
    private static ListView<RequestItem> requests(FxRobot robot) {
        return robot.lookup("#requestList").queryAs(ListView.class);
    }

    @SuppressWarnings("unchecked")
    private static ListView<BookingItem> bookings(FxRobot robot) {
        return robot.lookup("#bookingList").queryAs(ListView.class);
    }

    @SuppressWarnings("unchecked")
    private static ListView<CandidateItem> candidates(FxRobot robot) {
        return robot.lookup("#candidateList").queryAs(ListView.class);
    }

    @SuppressWarnings("unchecked")
    private static ListView<TimelineLine> timeline(FxRobot robot) {
        return robot.lookup("#timelineList").queryAs(ListView.class);
    }

}
