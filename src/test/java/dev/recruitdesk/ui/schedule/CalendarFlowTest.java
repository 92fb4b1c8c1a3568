package dev.recruitdesk.ui.schedule;

import static dev.recruitdesk.ui.schedule.ScheduleScreen.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.accounts.TestCallers;
import dev.recruitdesk.booking.SlotRow;
import dev.recruitdesk.delivery.MessageQuery;
import dev.recruitdesk.domain.OutboxMessage;
import dev.recruitdesk.domain.OutboxStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The calendar by mouse, on a real H2 file: draw a slot and publish it, drag an open slot to a new time, drag a
 * booked one (confirm → the booking's new revision, one "rescheduled" message and the new time's reminders), and
 * generate a week of slots with the bulk dialog.
 */
@ExtendWith(ApplicationExtension.class)
class CalendarFlowTest {

    /** Wednesday 2 December 2026, 09:00 UTC; the tests work in the next week, 7–13 December. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T09:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    @TempDir
    Path home;
    private ScheduleScreen screen;
    private SlotRow open;
    private SlotRow booked;
    private long booking;

    @Start
    void start(Stage stage) {
        screen = new ScheduleScreen(home, CLOCK);
        open = screen.slot(MONDAY.plusDays(1), "10:00", 30, "Office, room 3");
        booked = screen.slot(MONDAY.plusDays(2), "10:00", 30, "https://meet.example/rd");
        booking = screen.book(booked, "Ivan Petrov", true, false);
        screen.show(stage, 1280, 860);
    }

    @AfterEach
    void close() {
        screen.close();
    }

    private void nextWeek(FxRobot robot) throws Exception {
        await(() -> !robot.lookup("#loadingIndicator").queryAs(Node.class).isVisible());
        robot.clickOn("#nextWeekButton");
        await(() -> "7–13 Dec 2026".equals(robot.lookup("#weekLabel").queryAs(Label.class).getText())
                && robot.lookup("#block-" + open.id()).tryQuery().isPresent());
    }

    private static WeekGrid grid(FxRobot robot) {
        return robot.lookup("#weekGrid").queryAs(WeekGrid.class);
    }

    private static Point2D at(FxRobot robot, int day, String time) {
        LocalTime t = LocalTime.parse(time);
        double[] p = grid(robot).pointOf(day, t.getHour() * 60 + t.getMinute());
        return grid(robot).localToScreen(p[0], p[1]);
    }

    private static void drag(FxRobot robot, Point2D from, Point2D to) {
        robot.moveTo(from).press(MouseButton.PRIMARY).moveTo(from.add(0, 8)).moveTo(to).release(MouseButton.PRIMARY);
    }

    /** Grabs a block by its middle (away from the resize edge) and drags it down by {@code dy} pixels. */
    private static void dragBlock(FxRobot robot, long slotId, double dy) {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.moveTo(robot.lookup("#block-" + slotId).queryAs(Node.class)).press(MouseButton.PRIMARY)
                .moveBy(0, 8).moveBy(0, dy - 8).release(MouseButton.PRIMARY);
    }

    private List<SlotRow> week() {
        Instant from = MONDAY.atStartOfDay(screen.zone()).toInstant();
        return screen.backend.slots().list(TestCallers.ADMIN, screen.services.recruiterId(), from, from.plus(Duration.ofDays(7)));
    }

    private Instant at(int day, String time) {
        return MONDAY.plusDays(day).atTime(LocalTime.parse(time)).atZone(screen.zone()).toInstant();
    }

    @Test
    void drawingOnEmptySpaceFillsTheFormAndPublishing(FxRobot robot) throws Exception {
        nextWeek(robot);
        drag(robot, at(robot, 0, "09:05"), at(robot, 0, "10:00"));

        await(() -> "60".equals(robot.lookup("#durationField").queryAs(TextField.class).getText()));
        assertThat(robot.lookup("#timeField").queryAs(TextField.class).getText()).isEqualTo("09:00");
        assertThat(robot.lookup("#calendarGhost").queryAs(Node.class).isVisible()).isTrue();
        assertThat(robot.lookup("#formMessage").queryAs(Label.class).getText()).startsWith("Drawn Mon 7 Dec, 9:00 AM – 10:00 AM");
        robot.clickOn("#createButton");

        await(() -> week().stream().anyMatch(r -> r.start().equals(at(0, "09:00")) && r.minutes() == 60));
        await(() -> robot.lookup("#calendarGhost").queryAs(Node.class).isVisible() == false);
    }

    @Test
    void draggingAnOpenSlotMovesIt(FxRobot robot) throws Exception {
        nextWeek(robot);
        dragBlock(robot, open.id(), WeekGrid.HOUR_HEIGHT * 1.5);

        await(() -> week().stream().anyMatch(r -> r.id() == open.id() && r.start().equals(at(1, "11:30"))));
        assertThat(week().stream().filter(r -> r.id() == open.id()).findFirst().orElseThrow().minutes()).isEqualTo(30);
        await(() -> robot.lookup("#bannerText").queryAs(Label.class).getText().startsWith("Moved to Tue 8 Dec, 11:30 AM"));
    }

    @Test
    void draggingABookedSlotAsksThenReschedulesTheBookingInPlace(FxRobot robot) throws Exception {
        nextWeek(robot);
        dragBlock(robot, booked.id(), WeekGrid.HOUR_HEIGHT * 4);

        await(() -> robot.lookup("#bannerConfirmButton").queryAs(Node.class).isVisible());
        assertThat(robot.lookup("#bannerText").queryAs(Label.class).getText())
                .startsWith("Move Ivan Petrov's interview from Wed 9 Dec, 10:00 AM to Wed 9 Dec, 2:00 PM – 2:30 PM?");
        // nothing happens before the recruiter confirms
        assertThat(screen.backend.bookings().find(booking).getRevision()).isEqualTo(1);
        robot.clickOn("#bannerConfirmButton");

        await(() -> screen.backend.bookings().find(booking).getRevision() == 2);
        await(() -> week().stream().anyMatch(r -> r.id() == booked.id() && r.start().equals(at(2, "14:00"))));
        List<OutboxMessage> rows = screen.backend.deliveryOps().list(MessageQuery.all().withBookingId(booking));
        assertThat(rows).filteredOn(m -> m.getKind().equals("rescheduled")).hasSize(1);
        assertThat(rows).filteredOn(m -> m.getBookingRevision() == 2 && m.getKind().startsWith("reminder_"))
                .isNotEmpty().allSatisfy(m -> {
                    assertThat(m.getStatus()).isEqualTo(OutboxStatus.PENDING);
                    assertThat(m.getExpiresAt()).isAfter(at(2, "10:00"));
                });
        assertThat(rows).filteredOn(m -> m.getBookingRevision() == 1 && m.getKind().startsWith("reminder_"))
                .allSatisfy(m -> assertThat(m.getStatus()).isEqualTo(OutboxStatus.CANCELLED));
    }

    @Test
    void clickingABlockShowsItsDetailsWithTheCandidate(FxRobot robot) throws Exception {
        nextWeek(robot);
        robot.clickOn(robot.lookup("#block-" + booked.id()).queryAs(Node.class));
        await(() -> robot.lookup("#slotDetails").queryAs(Node.class).isVisible());
        assertThat(robot.lookup("#detailsCandidate").queryAs(Label.class).getText()).isEqualTo("Ivan Petrov · Approved");
        assertThat(robot.lookup("#detailsDeleteButton").queryAs(Node.class).isDisabled()).isTrue();
        robot.clickOn("#detailsCloseButton");
        await(() -> robot.lookup("#slotForm").queryAs(Node.class).isVisible());
    }

    @Test
    void bulkGeneratorPreviewsSkipsOverlapsAndCreatesInOneGo(FxRobot robot) throws Exception {
        nextWeek(robot);
        robot.clickOn("#bulkButton");
        await(() -> robot.lookup("#bulkCounts").tryQuery().isPresent()
                && robot.lookup("#bulkCounts").queryAs(Label.class).getText().contains("to create"));
        // Mon–Fri 7–11 Dec, 09:00–18:00 minus 13:00–14:00, 30 minutes: 16 a day; the two seeded slots are skipped
        assertThat(robot.lookup("#bulkCounts").queryAs(Label.class).getText()).isEqualTo("78 slots to create · 2 skipped");
        robot.clickOn("#bulkStep").eraseText(2).write("60");
        await(() -> robot.lookup("#bulkCounts").queryAs(Label.class).getText().equals("38 slots to create · 2 skipped"));
        robot.clickOn("#bulkCreateButton");

        await(() -> robot.listTargetWindows().stream().filter(Window::isShowing).count() == 1);
        await(() -> robot.lookup("#bannerText").queryAs(Label.class).getText().equals("Created 38 slots."));
        assertThat(week()).hasSize(40);
    }
}
