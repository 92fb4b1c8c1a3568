package dev.recruitdesk.ui.simulator;

import dev.recruitdesk.accounts.TestCallers;

import dev.recruitdesk.ui.Screenshots;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.app.AppContext;
import dev.recruitdesk.app.Backend;
import dev.recruitdesk.app.ConsoleApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The sandbox console (no token) end to end: open the candidate simulator, create a candidate and book a slot by
 * chatting with the bot — /start, name, city, day, time — until "request sent". Also writes
 * {@code target/screenshots/simulator.png} (and into {@code -Dscreenshots.dir} when given).
 */
@ExtendWith(ApplicationExtension.class)
class SimulatorFlowTest {

    @TempDir
    Path home;
    private ConsoleApp app;

    @Start
    void start(Stage stage) throws Exception {
        Files.writeString(home.resolve("recruitdesk.properties"), "ui.language=en\n");
        AppContext seeding = AppContext.forHome(home, Clock.systemUTC());
        try (Backend backend = seeding.openBackend()) {
            Instant tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
            backend.slots().create(TestCallers.ADMIN, backend.currentRecruiterId(), tomorrow, Duration.ofMinutes(30), "https://meet.example/demo");
            backend.slots().create(TestCallers.ADMIN, backend.currentRecruiterId(), tomorrow.plus(Duration.ofHours(1)), Duration.ofMinutes(30), null);
        }
        app = new ConsoleApp(AppContext.forHome(home, Clock.systemUTC()));
        app.start(stage);
    }

    @AfterEach
    void stopApp() {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void booksAnInterviewByChattingWithTheSandboxBot(FxRobot robot) throws Exception {
        await(() -> robot.lookup("#simulatorButton").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(robot.lookup("#statusSandbox").queryAs(Label.class).getText()).isEqualTo("Sandbox");
        assertThat(robot.lookup("#statusSandbox").queryAs(Label.class).isVisible()).isTrue();

        robot.clickOn("#simulatorButton");
        await(() -> robot.lookup("#newCandidateName").tryQuery().isPresent());
        robot.clickOn("#newCandidateName").write("Anna Demo");
        robot.clickOn("#createCandidateButton");
        await(() -> robot.lookup("#userBox").queryComboBox().getValue() != null);

        robot.clickOn("#messageField").write("/start");
        robot.clickOn("#sendButton");
        awaitBubble(robot, "What is your name");
        robot.clickOn("#messageField").write("Anna Smith");
        robot.clickOn("#sendButton");
        clickButton(robot, "Moscow");
        clickButton(robot, "free:");
        clickButton(robot, " • ");
        awaitBubble(robot, "Request sent");

        Window simulator = robot.lookup("#chatList").query().getScene().getWindow();
        Screenshots.save(simulator.getScene(), "simulator.png");
    }

    private static void awaitBubble(FxRobot robot, String text) throws TimeoutException {
        await(() -> robot.lookup(".bubble-text").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText() != null && l.getText().contains(text)));
    }

    /** Waits for an inline button whose label contains {@code text} (the newest one) and clicks it. */
    private static void clickButton(FxRobot robot, String text) throws TimeoutException {
        await(() -> find(robot, text).isPresent());
        robot.clickOn(find(robot, text).orElseThrow());
    }

    private static Optional<Button> find(FxRobot robot, String text) {
        return robot.lookup(".inline-button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText() != null && b.getText().contains(text) && b.isVisible())
                .reduce((a, b) -> b);
    }

    private static void await(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
