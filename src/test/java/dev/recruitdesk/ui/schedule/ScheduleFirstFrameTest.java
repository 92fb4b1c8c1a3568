package dev.recruitdesk.ui.schedule;

import static dev.recruitdesk.ui.schedule.ScheduleScreen.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Schedule's first frames: the week first, with an empty card holding the form's place, then the form in a
 * following frame, without moving anything.
 */
@ExtendWith(ApplicationExtension.class)
class ScheduleFirstFrameTest {

    /** Wednesday 2 December 2026, 09:00 UTC: the week shown is 30 Nov – 6 Dec. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T09:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate THURSDAY = LocalDate.of(2026, 12, 3);

    @TempDir
    Path home;
    private ScheduleScreen screen;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        screen = new ScheduleScreen(home, CLOCK);
        screen.slot(THURSDAY, "10:00", 30, "Office, room 3");
        screen.slot(THURSDAY, "11:00", 30, "Office, room 3");
    }

    @AfterEach
    void close() {
        screen.close();
    }

    @Test
    void theFormJoinsTheScreenAFrameAfterItShowsInTheSamePlace(FxRobot robot) throws Exception {
        AtomicReference<Boolean> formAtFirst = new AtomicReference<>();
        AtomicReference<Boolean> placeholderAtFirst = new AtomicReference<>();
        AtomicReference<Double> widthWithPlaceholder = new AtomicReference<>();
        robot.interact(() -> {
            screen.show(stage, 1280, 860);
            // what the first frame lays out
            screen.root.applyCss();
            screen.root.layout();
            formAtFirst.set(screen.root.lookup("#createButton") != null);
            placeholderAtFirst.set(screen.root.lookup(".form-column > .slot-form") != null);
            widthWithPlaceholder.set(((Region) screen.root.lookup(".form-column")).getWidth());
        });
        assertThat(formAtFirst.get()).isFalse();
        assertThat(placeholderAtFirst.get()).isTrue();
        assertThat(widthWithPlaceholder.get()).isGreaterThan(250.0);

        await(() -> screen.root.lookup("#createButton") != null);
        Region column = robot.lookup(".form-column").queryAs(Region.class);
        assertThat(robot.lookup("#createButton").queryAs(Node.class).isVisible()).isTrue();
        assertThat(column.getChildrenUnmodifiable()).extracting(Node::getId).containsExactly("slotDetails", "slotForm");
        assertThat(column.getWidth()).isEqualTo(widthWithPlaceholder.get());
    }
}
