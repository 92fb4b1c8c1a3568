package dev.recruitdesk.ui.schedule;

import static dev.recruitdesk.ui.schedule.ScheduleScreen.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
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
 * Renders the week calendar with slots in every state and the bulk generator dialog, to
 * {@code target/screenshots/calendar.png} and {@code bulk-generator.png} (also under {@code -Dscreenshots.dir}).
 */
@ExtendWith(ApplicationExtension.class)
class CalendarScreenshotTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    private static final ZoneId ZONE = ZoneId.systemDefault();

    @TempDir
    static Path home;
    private ScheduleScreen screen;

    /** Slots in every state, written as if it were the Sunday before (seeding is slow: not on the FX thread). */
    @BeforeAll
    static void seed() {
        ZoneId zone = ZONE;
        Clock seeding = Clock.fixed(MONDAY.minusDays(1).atTime(12, 0).atZone(zone).toInstant(), ZoneOffset.UTC);
        try (ScheduleScreen seed = new ScheduleScreen(home, seeding)) {
            seed.book(seed.slot(MONDAY, "10:00", 45, "Office, room 3"), "Maria Ivanova", true, true);
            seed.slot(MONDAY, "11:30", 30, "https://meet.example.com/rd");
            seed.slot(MONDAY, "14:00", 60, "Office, room 3");
            seed.book(seed.slot(MONDAY.plusDays(1), "09:00", 30, null), "Pavel Orlov", true, true);
            seed.book(seed.slot(MONDAY.plusDays(1), "10:00", 30, "https://meet.example.com/rd"), "Anna Petrova", true, true);
            seed.book(seed.slot(MONDAY.plusDays(1), "11:00", 30, "https://meet.example.com/rd"), "Dmitry Sokolov", false, false);
            seed.slot(MONDAY.plusDays(1), "15:00", 60, "Office, room 3");
            seed.book(seed.slot(MONDAY.plusDays(2), "09:30", 30, "https://meet.example.com/rd"), "Elena Kuznetsova", true, false);
            long declined = seed.book(seed.slot(MONDAY.plusDays(2), "12:00", 45, null), "Oleg Volkov", true, false);
            seed.backend.bookings().decline(declined, "ill");
            for (String t : new String[] {"14:00", "14:45", "15:30", "16:15"}) {
                seed.slot(MONDAY.plusDays(2), t, 45, "https://meet.example.com/rd");
            }
            seed.slot(MONDAY.plusDays(3), "12:00", 45, "https://meet.example.com/rd");
            seed.book(seed.slot(MONDAY.plusDays(3), "16:00", 90, "Office, room 3"), "Sergey Popov", true, false);
            seed.book(seed.slot(MONDAY.plusDays(4), "10:00", 30, "https://meet.example.com/rd"), "Ivan Smirnov", false, false);
            seed.slot(MONDAY.plusDays(4), "10:30", 30, "https://meet.example.com/rd");
            seed.slot(MONDAY.plusDays(4), "13:00", 120, "Office, room 3");
            seed.slot(MONDAY.plusDays(5), "11:00", 60, null);
        }
    }

    @Start
    void start(Stage stage) {
        Clock tuesdayMorning = Clock.fixed(MONDAY.plusDays(1).atTime(10, 40).atZone(ZONE).toInstant(), ZoneOffset.UTC);
        screen = new ScheduleScreen(home, tuesdayMorning);
        screen.show(stage, 1280, 800);
    }

    @AfterEach
    void close() {
        screen.close();
    }

    @Test
    void rendersTheCalendarAndTheBulkGenerator(FxRobot robot) throws Exception {
        await(() -> robot.lookup(".cal-block").queryAll().stream().filter(Node::isVisible).count() >= 10
                && !robot.lookup("#loadingIndicator").queryAs(Node.class).isVisible());
        assertThat(robot.lookup(".cal-block.state-declined").queryAll()).isNotEmpty();
        assertThat(robot.lookup(".cal-block.state-past").queryAll()).isNotEmpty();
        // a drawn slot, as the recruiter sees it before publishing
        WeekGrid grid = robot.lookup("#weekGrid").queryAs(WeekGrid.class);
        javafx.geometry.Point2D from = grid.localToScreen(grid.pointOf(3, 14 * 60)[0], grid.pointOf(3, 14 * 60)[1] + 2);
        javafx.geometry.Point2D to = grid.localToScreen(grid.pointOf(3, 15 * 60)[0], grid.pointOf(3, 15 * 60)[1]);
        robot.moveTo(from).press(javafx.scene.input.MouseButton.PRIMARY).moveTo(to).release(javafx.scene.input.MouseButton.PRIMARY);
        await(() -> robot.lookup("#calendarGhost").queryAs(Node.class).isVisible());
        write(snapshot(robot.window(0)), "calendar.png");

        robot.clickOn("#bulkButton");
        await(() -> robot.lookup("#bulkCounts").tryQuery().isPresent()
                && robot.lookup("#bulkCounts").queryAs(Label.class).getText().contains("to create"));
        Window dialog = robot.listTargetWindows().stream().filter(w -> w.getScene().lookup("#bulkCounts") != null).findFirst().orElseThrow();
        write(snapshot(dialog), "bulk-generator.png");
        robot.clickOn("#bulkCancelButton");
    }

    private static WritableImage snapshot(Window window) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> window.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
    }

    private static void write(WritableImage image, String name) throws Exception {
        write(image, Path.of("target/screenshots", name));
        String extra = System.getProperty("screenshots.dir");
        if (extra != null && !extra.isBlank()) {
            write(image, Path.of(extra, name));
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
