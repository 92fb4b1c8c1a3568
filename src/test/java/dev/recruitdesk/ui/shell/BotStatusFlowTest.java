package dev.recruitdesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.app.AppContext;
import dev.recruitdesk.app.ConsoleApp;
import dev.recruitdesk.sandbox.FakeBotApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A token Telegram refuses shows in the status bar, not only on the Delivery screen. */
@ExtendWith(ApplicationExtension.class)
class BotStatusFlowTest {

    @TempDir
    Path home;
    private FakeBotApi telegram;
    private ConsoleApp app;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        telegram = FakeBotApi.start();
        Files.createDirectories(home);
        Files.writeString(home.resolve("recruitdesk.properties"), "ui.language=en\n"
                + "telegram.token=123456:AAwrongwrongwrongwrongwrong\n"
                + "telegram.apiUrl=" + telegram.apiUrl() + "\n");
        app = new ConsoleApp(AppContext.forHome(home, Clock.systemUTC()));
        app.start(stage);
    }

    @AfterEach
    void stop() {
        app.stop();
        telegram.close();
    }

    @Test
    void aRefusedTokenIsShownInTheStatusBar(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            Label bot = (Label) stage.getScene().lookup("#statusBot");
            return bot != null && bot.isVisible();
        });
        Label bot = (Label) stage.getScene().lookup("#statusBot");
        assertThat(bot.getText()).contains("refused the bot token");
        assertThat(stage.getScene().lookup("#statusSandbox").isVisible()).isFalse();
        assertThat(telegram.requests("getUpdates")).isPositive();
    }
}
