package dev.recruitdesk.ui.people;

import static dev.recruitdesk.ui.ConsoleHarness.await;

import dev.recruitdesk.ui.ConsoleHarness;
import dev.recruitdesk.delivery.MessageQuery;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.Booking;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.OutboxStatus;
import dev.recruitdesk.sandbox.Fault;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renders the Requests, Bookings and Candidates screens on realistic data and writes requests.png, bookings.png
 * and candidates.png to {@code target/screenshots} (and {@code -Dscreenshots.dir=assets/screenshots};
 * {@code -Dscreenshots.language=ru} for Russian).
 */
@ExtendWith(ApplicationExtension.class)
class PeopleScreenshotTest {

    private static final ZoneId ZONE = ZoneId.systemDefault();
    /** Tuesday 1 December 2026, 09:40 in the recruiter's zone. */
    private static final Instant NOW = LocalDate.of(2026, 12, 1).atTime(9, 40).atZone(ZONE).toInstant();

    @TempDir
    Path home;
    private ConsoleHarness console;
    private final Locale locale = Locale.forLanguageTag(System.getProperty("screenshots.language", "en"));

    private Stage stage;

    /** Opening the database may take longer than TestFX allows a start to take on a busy machine: it happens in the test. */
    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        if (console != null) {
            console.close();
        }
    }

    private long person(String name, String zone, String username, String phone, long chat) {
        long id = console.services.candidates().create(name, zone, username, phone).getId();
        if (chat > 0) {
            console.backend.database().run(s -> s.find(Candidate.class, id).bindTelegram(chat, chat, username));
        }
        return id;
    }

    private long slot(int day, int hour, int minute) {
        Instant start = LocalDate.of(2026, 12, 1).plusDays(day).atTime(hour, minute).atZone(ZONE).toInstant();
        return console.services.slots().create(console.services.recruiterId(), start, Duration.ofMinutes(30), "https://meet.example.com/rd").id();
    }

    private Booking book(long slot, long candidate) {
        return console.services.bookings().request(slot, candidate, Actor.CANDIDATE);
    }

    @Test
    void rendersThePeopleScreens(FxRobot robot) throws Exception {
        Clock running = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), NOW));
        console = new ConsoleHarness(home, running, locale.getLanguage());
        robot.interact(() -> console.show(stage, locale));
        var b = console.services.bookings();
        long ivan = person("Иван Петров", "Asia/Novosibirsk", "ivan_petrov", "+7 913 555-12-34", 8_100_001L);
        long maria = person("Мария Кузнецова", "Europe/Moscow", "masha_k", null, 8_100_002L);
        long alex = person("Alexei Volkov", "Asia/Yekaterinburg", null, "+7 343 200-10-10", 8_100_003L);
        long olga = person("Ольга Соколова", "Europe/Samara", "olga_sokol", null, 8_100_004L);
        long dmitry = person("Дмитрий Орлов", "Asia/Vladivostok", "d_orlov", null, 8_100_005L);
        long sveta = person("Светлана Белова", "Europe/Moscow", "sveta_b", null, 8_100_006L);
        long petr = person("Пётр Лебедев", "Europe/Kaliningrad", null, null, 0);
        person("Екатерина Новикова", "Asia/Omsk", "katya_n", "+7 381 222-33-44", 0);
        console.telegram.failChat(8_100_006L, Fault.blocked());

        Booking soon = book(slot(0, 10, 20), olga);
        b.approve(soon.getId());
        Booking confirmed = book(slot(0, 14, 0), maria);
        b.approve(confirmed.getId());
        b.confirm(confirmed.getId());
        Booking declined = book(slot(1, 11, 0), dmitry);
        b.approve(declined.getId());
        b.decline(declined.getId(), "Заболел, можно на следующей неделе?");
        Booking blocked = book(slot(2, 12, 0), sveta);
        b.approve(blocked.getId());
        book(slot(1, 10, 0), ivan);
        book(slot(1, 15, 30), alex);
        book(slot(2, 9, 30), petr);
        slot(2, 16, 0);
        slot(3, 10, 0);
        await(() -> console.backend.deliveryOps().list(MessageQuery.all().withBookingId(blocked.getId())).stream()
                .anyMatch(m -> m.getStatus() == OutboxStatus.FAILED)
                && console.backend.deliveryOps().list(MessageQuery.all().withBookingId(confirmed.getId())).stream()
                .anyMatch(m -> m.getStatus() == OutboxStatus.SENT));

        robot.clickOn("#navRequests");
        await(() -> robot.lookup("#requestList").queryAs(ListView.class).getItems().size() == 3);
        robot.clickOn("#slotChoice");
        robot.clickOn("#slotChoice");
        console.screenshot("requests.png");

        robot.clickOn("#navBookings");
        await(() -> robot.lookup("#bookingList").queryAs(ListView.class).getItems().size() >= 6);
        robot.clickOn("#booking-" + soon.getId());
        console.screenshot("bookings.png");

        robot.clickOn("#navCandidates");
        await(() -> robot.lookup("#candidateList").queryAs(ListView.class).getItems().size() == 8);
        robot.clickOn("#candidate-" + maria);
        await(() -> robot.lookup("#timelineList").queryAs(ListView.class).getItems().size() >= 4);
        console.screenshot("candidates.png");
    }
}
