package dev.recruitdesk.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.app.AppContext;
import dev.recruitdesk.app.ConsoleApp;
import dev.recruitdesk.domain.OutboxStatus;
import dev.recruitdesk.ui.delivery.DeliveryViewModel;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
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
 * Opens the Dashboard, Delivery, Templates and Settings screens on six weeks of demo data and writes
 * {@code target/screenshots/<screen>.png} (and, with {@code -Dscreenshots.dir=assets/screenshots}, there too); then
 * switches to the dark theme in Settings, as a recruiter would, and writes {@code dashboard-dark.png}.
 */
@ExtendWith(ApplicationExtension.class)
class AdminScreensScreenshotTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    /** Thursday 3 December 2026, 11:20 local. */
    private static final Instant NOW = LocalDate.of(2026, 12, 3).atTime(LocalTime.of(11, 20)).atZone(ZONE).toInstant();

    @TempDir
    static Path home;
    private ConsoleApp app;

    @BeforeAll
    static void seed() throws Exception {
        Files.writeString(home.resolve("recruitdesk.properties"), "ui.language=" + System.getProperty("screenshots.language", "en") + "\n");
        AdminDemoData.seed(home, NOW, ZONE);
    }

    @Start
    void start(Stage stage) {
        app = new ConsoleApp(AppContext.forHome(home, Clock.fixed(NOW, ZoneOffset.UTC)));
        app.start(stage);
    }

    @AfterEach
    void stopApp() {
        app.stop();
    }

    @Test
    @SuppressWarnings("unchecked")
    void rendersEveryAdminScreen(FxRobot robot) throws Exception {
        await(() -> !robot.lookup("#navDashboard").queryAs(Node.class).isDisable());

        robot.clickOn("#navDashboard");
        await(() -> robot.lookup(".dashboard").tryQuery().isPresent() && robot.lookup(".interview-item").tryQuery().isPresent()
                && !robot.lookup(".dashboard #loadingIndicator").queryAs(Node.class).isVisible());
        shoot(robot, "dashboard.png");

        robot.clickOn("#navDelivery");
        await(() -> robot.lookup("#messageTable").tryQuery().isPresent()
                && !robot.lookup("#messageTable").queryAs(TableView.class).getItems().isEmpty());
        robot.interact(() -> robot.lookup("#statusFilter").queryAs(ComboBox.class).setValue(OutboxStatus.FAILED));
        await(() -> robot.lookup("#messageTable").queryAs(TableView.class).getItems().stream()
                .allMatch(r -> ((DeliveryViewModel.MessageRow) r).status() == OutboxStatus.FAILED));
        robot.interact(() -> robot.lookup("#messageTable").queryAs(TableView.class).getSelectionModel().select(0));
        await(() -> !robot.lookup("#attemptTable").queryAs(TableView.class).getItems().isEmpty());
        robot.interact(() -> robot.lookup("#statusFilter").queryAs(ComboBox.class).setValue(null));
        await(() -> robot.lookup("#messageTable").queryAs(TableView.class).getItems().size() > 10);
        assertThat(robot.lookup("#healthDuplicates").queryAs(Label.class).getText()).isEqualTo("0");
        shoot(robot, "delivery.png");

        robot.clickOn("#navTemplates");
        await(() -> robot.lookup(".chat-bubble").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#keyList").queryAs(javafx.scene.control.ListView.class).getSelectionModel()
                .select("reminder_confirm_2h"));
        await(() -> robot.lookup(".inline-button").tryQuery().isPresent());
        shoot(robot, "templates.png");

        robot.clickOn("#navSettings");
        await(() -> robot.lookup("#nameField").tryQuery().isPresent()
                && !robot.lookup(".settings #loadingIndicator").queryAs(Node.class).isVisible());
        shoot(robot, "settings.png");

        // the theme is at the bottom of the form: scroll there first, as a recruiter would
        robot.interact(() -> robot.lookup(".settings .scroll-pane").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        robot.clickOn("#themeBox");
        robot.clickOn(robot.lookup(".list-cell").queryAll().stream()
                .filter(n -> "dark".equals(((javafx.scene.control.ListCell<?>) n).getItem())).findFirst().orElseThrow());
        robot.clickOn("#navDashboard");
        await(() -> robot.lookup(".dashboard").tryQuery().isPresent() && robot.lookup(".interview-item").tryQuery().isPresent()
                && !robot.lookup(".dashboard #loadingIndicator").queryAs(Node.class).isVisible());
        shoot(robot, "dashboard-dark.png");
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void shoot(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage shot = WaitForAsyncUtils.asyncFx(() -> robot.window(0).getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        write(shot, Path.of("target/screenshots", name));
        String extra = System.getProperty("screenshots.dir");
        if (extra != null && !extra.isBlank()) {
            write(shot, Path.of(extra, name));
        }
    }

    private static void write(WritableImage image, Path file) throws Exception {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(out, "png", file.toFile());
    }
}
