package dev.recruitdesk.ui.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.app.AppContext;
import dev.recruitdesk.app.ConsoleApp;
import dev.recruitdesk.ui.Screenshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the console on a week with open and booked slots and writes {@code target/screenshots/schedule.png}
 * (with {@code -Dscreenshots.dir=assets/screenshots} also there; {@code -Dscreenshots.language=ru} for Russian), for
 * looking at the screen without a display.
 */
@ExtendWith(ApplicationExtension.class)
class ScheduleScreenshotTest {

    /** The week shown: Monday 30 November – Sunday 6 December 2026; "now" is Tuesday morning. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    private static final ZoneId ZONE = ZoneId.systemDefault();

    @TempDir
    static Path home;
    private ConsoleApp app;
    private Stage stage;

    @BeforeAll
    static void seed() throws Exception {
        Files.writeString(home.resolve("recruitdesk.properties"), "ui.language=" + System.getProperty("screenshots.language", "en") + "\n");
        ScheduleDemoData.seed(home, MONDAY, ZONE);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Clock tuesdayMorning = Clock.fixed(MONDAY.plusDays(1).atTime(8, 40).atZone(ZONE).toInstant(), ZoneOffset.UTC);
        app = new ConsoleApp(AppContext.forHome(home, tuesdayMorning));
        app.start(stage);
    }

    @AfterEach
    void stopApp() {
        app.stop();
    }

    @Test
    void rendersTheScheduleWithBookedAndOpenSlots(FxRobot robot) throws Exception {
        // the screen is still being put together on the FX thread: wait until the switch is really in the window
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> stage.getScene().lookup("#listModeButton") != null
                && stage.getScene().lookup("#listModeButton").getScene() != null);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(stage.getScene().lookup("#listModeButton"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".slot-cell").tryQuery().isPresent()
                && !robot.lookup("#loadingIndicator").queryAs(Node.class).isVisible());
        robot.clickOn(stage.getScene().lookup("#timeField")).write("15:00");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".state-confirmed").queryAll()).isNotEmpty();

        Screenshots.save(stage.getScene(), "schedule.png");
    }
}
