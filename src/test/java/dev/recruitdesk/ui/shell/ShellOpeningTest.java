package dev.recruitdesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.ViewLoader;
import java.time.Duration;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The shell while the database opens: "Opening the database…" at once, the spinner only when opening takes longer
 * than {@link ShellView#SPINNER_DELAY} (its place kept, so the words do not move), and never once the screens or a
 * failure are shown.
 */
@ExtendWith(ApplicationExtension.class)
class ShellOpeningTest {

    private static final Duration DELAY = Duration.ofMillis((long) ShellView.SPINNER_DELAY.toMillis());
    private ShellView shell;

    @Start
    void start(Stage stage) {
        I18n i18n = new I18n(Locale.ENGLISH);
        ViewLoader.Loaded<ShellView> loaded = new ViewLoader(i18n, type -> new ShellView(i18n)).load(ShellView.class);
        shell = loaded.controller();
        stage.setScene(new Scene(loaded.root(), 1180, 760));
        stage.show();
    }

    @Test
    void aSlowOpeningGetsItsSpinnerAfterTheDelayWithoutMovingTheWords(FxRobot robot) {
        ProgressIndicator spinner = robot.lookup("#loadingProgress").queryAs(ProgressIndicator.class);
        Label words = robot.lookup("#loadingLabel").queryAs(Label.class);
        assertThat(words.getText()).isEqualTo("Opening the database…");
        assertThat(spinner.isVisible()).isFalse();
        assertThat(spinner.isManaged()).isTrue();
        double wordsAt = words.localToScene(0, 0).getY();

        await().atMost(DELAY.multipliedBy(5)).until(spinner::isVisible);
        assertThat(words.localToScene(0, 0).getY()).isEqualTo(wordsAt);
    }

    @Test
    void theSpinnerNeverShowsOnceTheFirstScreenIsThere(FxRobot robot) {
        ProgressIndicator spinner = robot.lookup("#loadingProgress").queryAs(ProgressIndicator.class);
        robot.interact(() -> shell.showReady("/home/test/data", false, new Region()));

        await().during(DELAY.multipliedBy(3).dividedBy(2)).atMost(DELAY.multipliedBy(3)).until(() -> !spinner.isVisible());
    }

    @Test
    void theSpinnerNeverShowsBesideAFailure(FxRobot robot) {
        ProgressIndicator spinner = robot.lookup("#loadingProgress").queryAs(ProgressIndicator.class);
        robot.interact(() -> shell.showFailure("The database file is damaged", () -> { }));

        await().during(DELAY.multipliedBy(3).dividedBy(2)).atMost(DELAY.multipliedBy(3)).until(() -> !spinner.isVisible());
        assertThat(robot.lookup("#loadingError").queryAs(Label.class).getText()).isEqualTo("The database file is damaged");
    }
}
