package dev.recruitdesk.ui.schedule;

import static dev.recruitdesk.ui.schedule.ScheduleScreen.await;

import dev.recruitdesk.accounts.TestCallers;
import dev.recruitdesk.booking.TestBookings;
import dev.recruitdesk.domain.Actor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Week switching on the calendar with 5,000 slots in one week (100 of them booked) and 150 in the next: the time
 * from the key press to the grid holding the new week's blocks, laid out. Prints median and p95 twice: as the robot
 * sees it (nanoTime around the key press plus {@code waitForFxEvents} polling, which alone costs tens of ms per
 * call) and inside the app (the key event reaching the scene → the grid's layout with the new data). Goal p95 ≤ 100 ms.
 * Run: {@code mvn -B -o test -Pbench -Dtest=CalendarWeekSwitchBenchmark}
 */
@Tag("benchmark")
@ExtendWith(ApplicationExtension.class)
class CalendarWeekSwitchBenchmark {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T09:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate BUSY_MONDAY = LocalDate.of(2026, 12, 7);
    private static final int BUSY = 5_000;
    private static final int QUIET = 150;
    private static final int WARMUP = 6;
    private static final int RUNS = 40;

    @TempDir
    static Path home;
    private ScheduleScreen screen;

    @BeforeAll
    static void seed() throws Exception {
        try (ScheduleScreen seeding = new ScheduleScreen(home, CLOCK)) {
            seed(seeding);
        }
    }

    @Start
    void start(Stage stage) {
        screen = new ScheduleScreen(home, CLOCK);
        screen.show(stage, 1280, 860);
    }

    /** 5,000 overlapping 10-minute slots over the busy week (some closed), 150 the week after, straight into the table. */
    private static void seed(ScheduleScreen screen) throws Exception {
        long recruiter = screen.services.recruiterId();
        try (Connection c = screen.backend.database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO slot (recruiter_id, start_at, end_at, place, status, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            OffsetDateTime busyStart = BUSY_MONDAY.atStartOfDay(screen.zone()).toOffsetDateTime();
            for (int i = 0; i < BUSY; i++) {
                OffsetDateTime s = busyStart.plusSeconds(i * (7L * 24 * 3600 / BUSY) / 60 * 60);
                add(ps, recruiter, s, 10, i % 7 == 0 ? "CLOSED" : "OPEN");
            }
            OffsetDateTime quietStart = busyStart.plusWeeks(1);
            for (int i = 0; i < QUIET; i++) {
                add(ps, recruiter, quietStart.plusMinutes(i * 60L), 30, "OPEN");
            }
            ps.executeBatch();
            c.commit();
        }
        var rows = screen.backend.slots().list(TestCallers.ADMIN, recruiter, BUSY_MONDAY.atStartOfDay(screen.zone()).toInstant(),
                BUSY_MONDAY.plusWeeks(1).atStartOfDay(screen.zone()).toInstant()).stream()
                .filter(r -> r.status() == dev.recruitdesk.domain.SlotStatus.OPEN).toList();
        for (int i = 0; i < 100; i++) {
            var slot = rows.get(i * 40 + 1);
            long candidate = screen.backend.candidates().create(TestCallers.ADMIN, "Candidate " + i, "Europe/Moscow").getId();
            long booking = screen.backend.bookings().request(slot.id(), candidate, Actor.CANDIDATE).getId();
            if (i % 2 == 0) {
                TestBookings.approve(screen.backend.bookings(), booking);
            }
        }
    }

    private static void add(PreparedStatement ps, long recruiter, OffsetDateTime start, int minutes, String status) throws Exception {
        ps.setLong(1, recruiter);
        ps.setObject(2, start);
        ps.setObject(3, start.plusMinutes(minutes));
        ps.setString(4, "https://meet.example/rd");
        ps.setString(5, status);
        ps.setObject(6, OffsetDateTime.now(ZoneOffset.UTC));
        ps.addBatch();
    }

    @AfterEach
    void close() {
        screen.close();
    }

    @Test
    void switchingWeeksWithFiveThousandSlots(FxRobot robot) throws Exception {
        await(() -> !robot.lookup("#loadingIndicator").queryAs(Node.class).isVisible());
        robot.clickOn("#weekLabel");
        WeekGrid grid = robot.lookup("#weekGrid").queryAs(WeekGrid.class);
        long[] keyAt = new long[1];
        robot.interact(() -> grid.getScene().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.RIGHT) {
                keyAt[0] = System.nanoTime();
            }
        }));
        keyPressed = keyAt;
        List<Double> busy = new ArrayList<>();
        List<Double> quiet = new ArrayList<>();
        // this week (empty) → busy week first, then back and forth between the busy and the quiet week
        double first = switchWeek(robot, grid, KeyCode.RIGHT, "7–13 Dec 2026", BUSY);
        for (int i = 0; i < WARMUP + RUNS; i++) {
            double toQuiet = switchWeek(robot, grid, KeyCode.RIGHT, "14–20 Dec 2026", QUIET);
            double inAppQuiet = lastInApp;
            double toBusy = switchWeek(robot, grid, KeyCode.LEFT, "7–13 Dec 2026", BUSY);
            if (i >= WARMUP) {
                inAppQuietMs.add(inAppQuiet);
                inAppBusyMs.add(lastInApp);
            }
            if (i >= WARMUP) {
                quiet.add(toQuiet);
                busy.add(toBusy);
            }
        }
        int nodes = WaitForAsyncUtils.asyncFx(grid::visibleBlockNodes).get(10, TimeUnit.SECONDS);
        System.out.printf("%nCALENDAR BENCHMARK (%d runs each, after %d warm-up; first switch to the busy week %.1f ms; %d block nodes on screen)%n",
                RUNS, WARMUP, first, nodes);
        report("to the week with 5,000 slots", busy);
        report("to the week with 150 slots  ", quiet);
        List<Double> all = new ArrayList<>(busy);
        all.addAll(quiet);
        report("all switches                ", all);
        System.out.println("  in the app (key event reaches the scene → grid laid out with the new week; no robot or polling overhead):");
        report("to the week with 5,000 slots", inAppBusyMs);
        report("to the week with 150 slots  ", inAppQuietMs);
    }

    private static long[] keyPressed;
    private static double lastInApp;
    private final List<Double> inAppBusyMs = new ArrayList<>();
    private final List<Double> inAppQuietMs = new ArrayList<>();

    /** Presses Ctrl+arrow and waits, pumping FX events, until the grid holds the week's blocks and has laid them out. */
    private static double switchWeek(FxRobot robot, WeekGrid grid, KeyCode arrow, String week, int blocks) throws Exception {
        Label label = robot.lookup("#weekLabel").queryAs(Label.class);
        Node loading = robot.lookup("#loadingIndicator").queryAs(Node.class);
        long t0 = System.nanoTime();
        robot.press(KeyCode.CONTROL, arrow).release(arrow, KeyCode.CONTROL);
        while (true) {
            WaitForAsyncUtils.waitForFxEvents();
            boolean shown = WaitForAsyncUtils.asyncFx(() -> week.equals(label.getText()) && !loading.isVisible()
                    && grid.blocks().size() == blocks && !grid.isNeedsLayout()).get(10, TimeUnit.SECONDS);
            if (shown) {
                double total = (System.nanoTime() - t0) / 1e6;
                lastInApp = (grid.dataShownNanos() - keyPressed[0]) / 1e6;
                return total;
            }
            if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(30)) {
                throw new AssertionError("week " + week + " not shown within 30 s");
            }
        }
    }

    private static void report(String what, List<Double> ms) {
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = sorted[sorted.length / 2];
        double p95 = sorted[(int) Math.ceil(sorted.length * 0.95) - 1];
        System.out.printf("  %s  median %6.1f ms   p95 %6.1f ms   max %6.1f ms%n", what, median, p95, sorted[sorted.length - 1]);
        if (Arrays.stream(sorted).anyMatch(Double::isNaN)) {
            throw new AssertionError("bad sample");
        }
    }
}
