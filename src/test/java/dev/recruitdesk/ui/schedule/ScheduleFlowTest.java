package dev.recruitdesk.ui.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.app.AppContext;
import dev.recruitdesk.app.ConsoleApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The whole console on a real home folder: publish a slot through the form, hit an overlap, restart, find it again. */
@ExtendWith(ApplicationExtension.class)
class ScheduleFlowTest {

    /** Wednesday 2 December 2026, 09:00 UTC: "next week" is 7–13 December in every zone from UTC−9 to UTC+14. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path home;
    private Stage stage;
    private ConsoleApp app;
    private Node firstFrame;
    private String firstTitle;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Files.createDirectories(home);
        Files.writeString(home.resolve("recruitdesk.properties"), "ui.language=en\n");
        app = new ConsoleApp(AppContext.forHome(home, CLOCK));
        app.start(stage);
        firstFrame = stage.getScene().getRoot();
        firstTitle = stage.getTitle();
    }

    @AfterEach
    void stopApp() {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void publishesASlotShowsAnOverlapInlineAndKeepsTheSlotAfterARestart(FxRobot robot) throws Exception {
        // the window shows the shell's outline first (StartupFrame); the shell takes its place in the same window
        assertThat(firstFrame.getId()).isEqualTo("startupFrame");
        assertThat(firstTitle).isEqualTo("RecruitDesk");
        awaitSchedule(robot);
        assertThat(stage.getScene().getRoot().getStyleClass()).contains("shell");
        // the other screens, the counts and Hibernate come once the first week is on screen
        await(() -> !robot.lookup("#navRequests").queryAs(Node.class).isDisabled());
        // the window's icon in every size: one before it shows, the others loaded off the FX thread after
        await(() -> stage.getIcons().size() == 6);
        robot.clickOn("#listModeButton");
        String dataFolder = home.resolve("data").toAbsolutePath().toString();
        // no bot token in this home: the console runs the sandbox bot and says so first
        assertThat(stage.getTitle()).isEqualTo("Sandbox — RecruitDesk — Embedded database · " + dataFolder);
        assertThat(label(robot, "#statusMode")).isEqualTo("Embedded database");
        assertThat(label(robot, "#statusLocation")).isEqualTo(dataFolder);
        assertThat(label(robot, "#weekLabel")).isEqualTo("30 Nov – 6 Dec 2026");
        assertThat(robot.lookup("#emptyState").queryAs(Node.class).isVisible()).isTrue();

        robot.clickOn("#nextWeekButton");
        awaitLoaded(robot, "7–13 Dec 2026");
        robot.clickOn("#timeField").write("10:00");
        robot.clickOn("#createButton");
        await(() -> slotTimes(robot).equals("10:00"));
        assertThat(label(robot, "#formMessage")).startsWith("Published: Mon 7 Dec, 10:00");
        assertThat(robot.lookup("#emptyState").queryAs(Node.class).isVisible()).isFalse();

        robot.clickOn("#timeField").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("10:15").type(KeyCode.ENTER);
        await(() -> robot.lookup("#timeError").queryAs(Label.class).isVisible());
        assertThat(label(robot, "#timeError")).startsWith("Overlaps your slot Mon 7 Dec, 10:00");
        assertThat(agenda(robot).getItems().stream().filter(ScheduleEntry.SlotItem.class::isInstance)).hasSize(1);

        robot.clickOn("#agendaList").press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        awaitLoaded(robot, "30 Nov – 6 Dec 2026");
        robot.press(KeyCode.CONTROL, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.CONTROL);
        awaitLoaded(robot, "7–13 Dec 2026");

        app.stop();
        app = null;
        ConsoleApp restarted = new ConsoleApp(AppContext.forHome(home, CLOCK));
        robot.interact(() -> restarted.start(stage));
        app = restarted;
        awaitSchedule(robot);
        robot.clickOn("#listModeButton");
        robot.clickOn("#nextWeekButton");
        awaitLoaded(robot, "7–13 Dec 2026");
        await(() -> slotTimes(robot).equals("10:00"));
        assertThat(stage.getIcons()).hasSize(6);
    }

    private static void awaitSchedule(FxRobot robot) throws TimeoutException {
        await(() -> robot.lookup(".schedule").tryQuery().isPresent()
                && !robot.lookup("#loadingIndicator").queryAs(Node.class).isVisible());
    }

    private static void awaitLoaded(FxRobot robot, String week) throws TimeoutException {
        await(() -> week.equals(robot.lookup("#weekLabel").queryAs(Label.class).getText())
                && !robot.lookup("#loadingIndicator").queryAs(Node.class).isVisible());
    }

    private static void await(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private static ListView<ScheduleEntry> agenda(FxRobot robot) {
        return robot.lookup("#agendaList").queryAs(ListView.class);
    }

    /** The start times of the listed slots as the cells show them, e.g. "10:00" (the first five characters). */
    private static String slotTimes(FxRobot robot) {
        return String.join(",", robot.lookup(".slot-time").queryAllAs(Label.class).stream()
                .filter(Node::isVisible).filter(l -> l.getText() != null && !l.getText().isEmpty())
                .map(l -> l.getText().substring(0, 5)).toList());
    }
}
