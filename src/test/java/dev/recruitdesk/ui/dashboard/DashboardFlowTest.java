package dev.recruitdesk.ui.dashboard;

import static dev.recruitdesk.ui.ConsoleHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.MutableClock;
import dev.recruitdesk.accounts.TestCallers;
import dev.recruitdesk.app.AppContext;
import dev.recruitdesk.app.Backend;
import dev.recruitdesk.booking.TestBookings;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.BookingStatus;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.ui.ConsoleFlowTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The Dashboard on the whole console over a seeded history: every figure on the screen matches what the test works
 * out from the seed by hand, a figure drills down to its bookings, and the CSV export of a period reads back with
 * its commas, quotes and Cyrillic intact.
 */
class DashboardFlowTest extends ConsoleFlowTest {

    /** One seeded booking: when things happened (null: never) and which reminders Telegram accepted, when. */
    private record Seed(String name, Instant start, Instant requested, Instant approved, Instant confirmed, BookingStatus outcome,
                        Map<String, Instant> reminders) {
        BookingStatus status() {
            return outcome != null ? outcome : confirmed != null ? BookingStatus.CONFIRMED
                    : approved != null ? BookingStatus.APPROVED : BookingStatus.REQUESTED;
        }

        boolean decided() {
            return outcome != null;
        }

        boolean showedUp() {
            return outcome == BookingStatus.ATTENDED;
        }
    }

    @TempDir
    static Path seeded;
    private static ZoneId zone;
    /** Thursday 3 December 2026, 12:00 in the recruiter's zone. */
    private static Instant now;
    private static final List<Seed> SEEDS = new ArrayList<>();
    private static final Map<Seed, Long> IDS = new LinkedHashMap<>();
    /** Messages that failed or got no answer, by the day they did. */
    private static Instant failedAt;
    private static Instant ambiguousAt;

    private static Instant at(int month, int day, int hour, int minute) {
        return LocalDate.of(2026, month, day).atTime(LocalTime.of(hour, minute)).atZone(zone).toInstant();
    }

    @BeforeAll
    static void seed() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-15T08:00:00Z"));
        try (Backend b = AppContext.forHome(seeded, clock).openBackend()) {
            zone = b.recruiters().get(b.currentRecruiterId()).getZone();
            now = at(12, 3, 12, 0);
            SEEDS.add(new Seed("Иванов, Пётр \"Петя\"", at(12, 1, 11, 0), at(11, 30, 9, 0), at(11, 30, 9, 30), at(12, 1, 9, 10),
                    BookingStatus.ATTENDED, Map.of("day_before", at(11, 30, 11, 0), "confirm_2h", at(12, 1, 9, 0))));
            SEEDS.add(new Seed("O'Neil, \"Jack\"", at(12, 1, 15, 0), at(11, 30, 10, 0), at(11, 30, 11, 0), at(11, 30, 16, 0),
                    BookingStatus.ATTENDED, Map.of("day_before", at(11, 30, 15, 0))));
            SEEDS.add(new Seed("Дмитрий Соколов", at(12, 2, 11, 0), at(11, 30, 11, 0), at(11, 30, 13, 0), null,
                    BookingStatus.NO_SHOW, Map.of("day_before", at(12, 1, 11, 0), "confirm_2h", at(12, 2, 9, 0))));
            SEEDS.add(new Seed("Елена Кузнецова", at(12, 3, 15, 0), at(12, 1, 9, 0), at(12, 1, 9, 10), null, null, Map.of()));
            SEEDS.add(new Seed("Иван Смирнов", at(12, 4, 11, 0), at(12, 2, 9, 0), null, null, null, Map.of()));
            SEEDS.add(new Seed("Ксения Лебедева", at(11, 23, 11, 0), at(11, 20, 9, 0), at(11, 20, 9, 20), null,
                    BookingStatus.NO_SHOW, Map.of()));
            SEEDS.add(new Seed("Татьяна Васильева", at(12, 2, 15, 0), at(11, 30, 12, 0), at(11, 30, 12, 45), at(12, 1, 16, 0),
                    null, Map.of("day_before", at(12, 1, 15, 0))));
            SEEDS.add(new Seed("Наталья Фёдорова", at(12, 1, 17, 0), at(11, 30, 13, 0), at(11, 30, 14, 30), at(11, 30, 18, 0),
                    BookingStatus.NO_SHOW, Map.of("day_before", at(11, 30, 17, 0))));
            long chat = 7_600_000L;
            for (Seed s : SEEDS) {
                clock.set(s.requested().minus(Duration.ofMinutes(5)));
                long candidate = b.candidates().create(TestCallers.soleUser(b.currentRecruiterId()), s.name(), zone.getId()).getId();
                long telegram = ++chat;
                b.database().run(x -> x.find(Candidate.class, candidate).bindTelegram(telegram, telegram, null));
                long slot = b.slots().create(TestCallers.soleUser(b.currentRecruiterId()), b.currentRecruiterId(), s.start(), Duration.ofMinutes(30), "https://meet.example/rd").id();
                clock.set(s.requested());
                long booking = b.bookings().request(slot, candidate, Actor.CANDIDATE).getId();
                IDS.put(s, booking);
                if (s.approved() != null) {
                    clock.set(s.approved());
                    TestBookings.approve(b.bookings(), booking);
                }
                if (s.confirmed() != null) {
                    clock.set(s.confirmed());
                    b.bookings().confirm(booking);
                }
                if (s.outcome() != null) {
                    clock.set(s.start().plus(Duration.ofHours(1)));
                    TestBookings.markOutcome(b.bookings(), booking, s.outcome());
                }
            }
            failedAt = at(12, 1, 9, 11);
            ambiguousAt = at(11, 30, 12, 46);
            deliver(b);
        }
    }

    /** What Telegram did, as the dispatcher would have recorded it: the seeded reminders sent, one failure, one unknown. */
    private static void deliver(Backend b) {
        b.database().run(x -> x.doWork(c -> {
            update(c, "UPDATE outbox_message SET status = 'CANCELLED', sent_at = NULL, updated_at = ?", now.minus(Duration.ofDays(30)));
            for (Seed s : SEEDS) {
                for (Map.Entry<String, Instant> r : s.reminders().entrySet()) {
                    assertThat(update(c, "UPDATE outbox_message SET status = 'SENT', sent_at = ?, updated_at = ?, attempts = 1 "
                            + "WHERE booking_id = ? AND kind = ?", r.getValue(), r.getValue(), IDS.get(s), "reminder_" + r.getKey()))
                            .as(s.name() + " " + r.getKey()).isEqualTo(1);
                }
            }
            assertThat(update(c, "UPDATE outbox_message SET status = 'FAILED', updated_at = ? WHERE booking_id = ? AND kind = 'approved'",
                    failedAt, IDS.get(SEEDS.get(3)))).isEqualTo(1);
            assertThat(update(c, "UPDATE outbox_message SET status = 'AMBIGUOUS', updated_at = ? WHERE booking_id = ? AND kind = 'approved'",
                    ambiguousAt, IDS.get(SEEDS.get(6)))).isEqualTo(1);
        }));
    }

    private static int update(java.sql.Connection c, String sql, Object... args) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i] instanceof Instant t ? java.time.OffsetDateTime.ofInstant(t, ZoneOffset.UTC) : args[i]);
            }
            return ps.executeUpdate();
        }
    }

    @Override
    protected Clock clock() {
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    /** Every test reads the one home {@link #seed} filled. */
    @Override
    protected Path consoleHome() {
        return seeded;
    }

    @BeforeEach
    void openDashboard(FxRobot robot) throws Exception {
        robot.clickOn("#navDashboard");
        await(() -> robot.lookup(".dashboard").tryQuery().isPresent() && !robot.lookup("#funnelChart").queryAs(XYChart.class).getData().isEmpty()
                && !robot.lookup(".dashboard #loadingIndicator").queryAs(Node.class).isVisible());
    }

    // ---- the expected figures, worked out from the seed ------------------------------------------------------

    private static List<Seed> where(Predicate<Seed> p) {
        return SEEDS.stream().filter(p).sorted(Comparator.comparing(Seed::start)).toList();
    }

    private static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, zone);
    }

    private static double percent(List<Seed> part, List<Seed> whole) {
        return Math.round(1000.0 * part.size() / whole.size()) / 10.0;
    }

    @Test
    void everyFigureMatchesTheSeedAndDrillsDownToItsBookings(FxRobot robot) throws Exception {
        LocalDate today = day(now);
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));

        // today's and tomorrow's interviews
        assertThat(interviews(robot, "#todayList")).containsExactlyElementsOf(
                where(s -> day(s.start()).equals(today)).stream().map(IDS::get).toList());
        assertThat(interviews(robot, "#tomorrowList")).containsExactlyElementsOf(
                where(s -> day(s.start()).equals(today.plusDays(1))).stream().map(IDS::get).toList());

        // items needing action
        int requests = where(s -> s.status() == BookingStatus.REQUESTED && s.start().isAfter(now)).size();
        int unconfirmed = where(s -> s.status() == BookingStatus.APPROVED && s.start().isAfter(now)
                && s.start().isBefore(now.plus(Duration.ofHours(24)))).size();
        int outcomes = where(s -> (s.status() == BookingStatus.APPROVED || s.status() == BookingStatus.CONFIRMED)
                && !s.start().plus(Duration.ofMinutes(30)).isAfter(now)).size();
        assertThat(List.of(requests, unconfirmed, outcomes)).containsExactly(1, 1, 1);
        assertThat(text(robot, "#action-requests")).isEqualTo(requests + " requests to approve");
        assertThat(text(robot, "#action-unconfirmed")).isEqualTo(unconfirmed + " unconfirmed within 24 h");
        assertThat(text(robot, "#action-outcomes")).isEqualTo(outcomes + " outcomes to record");

        // this week's funnel: requested since Monday, then how far each got
        List<Seed> cohort = where(s -> !day(s.requested()).isBefore(monday));
        List<Number> funnel = List.of(cohort.size(), where(s -> cohort.contains(s) && s.approved() != null).size(),
                where(s -> cohort.contains(s) && s.confirmed() != null).size(), where(s -> cohort.contains(s) && s.showedUp()).size());
        assertThat(funnel).containsExactly(7, 6, 4, 2);
        assertThat(values(robot, "#funnelChart", 0)).containsExactlyElementsOf(funnel.stream().map(Number::doubleValue).toList());

        // show-up and no-show by week, for the weeks with outcomes
        List<Double> showUp = new ArrayList<>();
        List<Double> noShow = new ArrayList<>();
        for (LocalDate week = monday.minusWeeks(7); !week.isAfter(monday); week = week.plusWeeks(1)) {
            LocalDate from = week;
            List<Seed> done = where(s -> s.decided() && !day(s.start()).isBefore(from) && day(s.start()).isBefore(from.plusWeeks(1)));
            if (!done.isEmpty()) {
                showUp.add(percent(done.stream().filter(Seed::showedUp).toList(), done));
                noShow.add(percent(done.stream().filter(s -> s.outcome() == BookingStatus.NO_SHOW).toList(), done));
            }
        }
        assertThat(showUp).containsExactly(0.0, 50.0);
        assertThat(values(robot, "#showUpChart", 0)).containsExactlyElementsOf(showUp);
        assertThat(values(robot, "#showUpChart", 1)).containsExactlyElementsOf(noShow);

        // show-up by confirmation: never; before the 2-hour prompt was delivered; after it
        List<Seed> decided = where(Seed::decided);
        List<List<Seed>> byConfirmation = List.of(
                where(s -> s.decided() && s.confirmed() == null),
                where(s -> s.decided() && s.confirmed() != null && (!s.reminders().containsKey("confirm_2h")
                        || s.reminders().get("confirm_2h").isAfter(s.confirmed()))),
                where(s -> s.decided() && s.confirmed() != null && s.reminders().containsKey("confirm_2h")
                        && !s.reminders().get("confirm_2h").isAfter(s.confirmed())));
        assertThat(byConfirmation.stream().mapToInt(List::size).sum()).isEqualTo(decided.size());
        assertThat(values(robot, "#confirmationChart", 0)).containsExactly(
                byConfirmation.stream().map(g -> percent(g.stream().filter(Seed::showedUp).toList(), g)).toArray(Double[]::new));
        assertThat(categories(robot, "#confirmationChart", 0)).containsExactly(
                "Not confirmed (2)", "After day-before (2)", "After 2-h prompt (1)");

        // show-up by the reminders delivered: none; the day-before one only; both
        List<List<Seed>> byReminders = List.of(
                where(s -> s.decided() && s.reminders().isEmpty()),
                where(s -> s.decided() && s.reminders().keySet().equals(java.util.Set.of("day_before"))),
                where(s -> s.decided() && s.reminders().keySet().equals(java.util.Set.of("day_before", "confirm_2h"))));
        assertThat(byReminders.stream().mapToInt(List::size).sum()).isEqualTo(decided.size());
        @SuppressWarnings("unchecked")
        XYChart<Number, String> reminderChart = robot.lookup("#reminderChart").queryAs(XYChart.class);
        assertThat(reminderChart.getData().get(0).getData().stream().map(d -> d.getXValue().doubleValue()).toList()).containsExactly(
                byReminders.stream().map(g -> percent(g.stream().filter(Seed::showedUp).toList(), g)).toArray(Double[]::new));
        assertThat(reminderChart.getData().get(0).getData().stream().map(XYChart.Data::getYValue).toList()).containsExactly(
                "None (1)", "Day before (2)", "Day before + 2-h prompt (2)");

        // median time from request to approval over the last 30 days
        List<Long> waits = where(s -> s.approved() != null && !s.requested().isBefore(now.minus(Duration.ofDays(30))))
                .stream().map(s -> Duration.between(s.requested(), s.approved()).toMinutes()).sorted().toList();
        long median = waits.size() % 2 == 1 ? waits.get(waits.size() / 2) : (waits.get(waits.size() / 2 - 1) + waits.get(waits.size() / 2)) / 2;
        assertThat(median).isEqualTo(45);
        assertThat(text(robot, "#medianButton")).isEqualTo(median + " min");

        // delivery over 7 days: reminders sent, the failure and the unanswered message, by day
        List<Double> sent = new ArrayList<>();
        List<Double> failed = new ArrayList<>();
        List<Double> ambiguous = new ArrayList<>();
        for (LocalDate d = today.minusDays(6); !d.isAfter(today); d = d.plusDays(1)) {
            LocalDate on = d;
            sent.add((double) SEEDS.stream().flatMap(s -> s.reminders().values().stream()).filter(t -> day(t).equals(on)).count());
            failed.add(day(failedAt).equals(on) ? 1.0 : 0.0);
            ambiguous.add(day(ambiguousAt).equals(on) ? 1.0 : 0.0);
        }
        assertThat(sent.stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(7.0);
        assertThat(values(robot, "#deliveryChart", 0)).containsExactlyElementsOf(sent);
        assertThat(values(robot, "#deliveryChart", 1)).containsExactlyElementsOf(failed);
        assertThat(values(robot, "#deliveryChart", 2)).containsExactlyElementsOf(ambiguous);

        // the "Confirmed" bar opens the bookings behind it
        XYChart.Data<String, Number> confirmedBar = data(robot, "#funnelChart", 0).get(2);
        robot.clickOn(confirmedBar.getNode());
        await(() -> robot.lookup("#drillDownList").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        List<String> lines = List.copyOf(robot.lookup("#drillDownList").queryAs(ListView.class).getItems());
        List<Seed> confirmed = where(s -> cohort.contains(s) && s.confirmed() != null);
        assertThat(lines).hasSize(confirmed.size());
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i)).contains(confirmed.get(i).name());
        }
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        await(() -> robot.lookup("#drillDownList").tryQuery().isEmpty());
    }

    @Test
    void theExportOfAPeriodReadsBackWithCommasQuotesAndCyrillic(FxRobot robot) throws Exception {
        LocalDate from = LocalDate.of(2026, 11, 30);
        LocalDate to = LocalDate.of(2026, 12, 3);
        typeDate(robot, "#exportFromField", "11/30/2026");
        typeDate(robot, "#exportToField", "12/3/2026");
        assertThat(robot.lookup("#exportFromField").queryAs(DatePicker.class).getValue()).isEqualTo(from);
        assertThat(robot.lookup("#exportToField").queryAs(DatePicker.class).getValue()).isEqualTo(to);
        Path file = seeded.resolve("bookings export.csv");
        console.saveTo = file;

        robot.clickOn("#exportButton");

        await(() -> robot.lookup("#exportMessage").queryAs(Label.class).isVisible());
        List<Seed> expected = where(s -> !day(s.start()).isBefore(from) && !day(s.start()).isAfter(to));
        assertThat(text(robot, "#exportMessage")).isEqualTo("Exported " + expected.size() + " bookings to bookings export.csv.");
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<List<String>> rows = Rfc4180.parse(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
        assertThat(rows.get(0)).startsWith("Booking", "Candidate");
        List<List<String>> body = rows.subList(1, rows.size());
        assertThat(body).hasSize(expected.size());
        for (int i = 0; i < body.size(); i++) {
            Seed s = expected.get(i);
            assertThat(body.get(i)).hasSize(rows.get(0).size());
            assertThat(body.get(i).get(0)).isEqualTo(String.valueOf(IDS.get(s)));
            assertThat(body.get(i).get(1)).isEqualTo(s.name());
            assertThat(body.get(i).get(3)).isEqualTo(s.status().name());
        }
        assertThat(body).extracting(r -> r.get(1)).contains("Иванов, Пётр \"Петя\"", "O'Neil, \"Jack\"", "Наталья Фёдорова");
    }

    private static void typeDate(FxRobot robot, String picker, String text) {
        robot.doubleClickOn(picker + " .text-field");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(text);
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
    }

    private static String text(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        return n instanceof Button b ? b.getText() : ((Label) n).getText();
    }

    private static List<Long> interviews(FxRobot robot, String list) {
        return robot.lookup(list + " .interview-item").queryAll().stream()
                .map(n -> Long.parseLong(n.getId().substring("interview-".length()))).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<XYChart.Data<String, Number>> data(FxRobot robot, String chart, int series) {
        XYChart<String, Number> c = robot.lookup(chart).queryAs(XYChart.class);
        return c.getData().get(series).getData();
    }

    private static List<Double> values(FxRobot robot, String chart, int series) {
        return data(robot, chart, series).stream().map(d -> d.getYValue().doubleValue()).toList();
    }

    private static List<String> categories(FxRobot robot, String chart, int series) {
        return data(robot, chart, series).stream().map(XYChart.Data::getXValue).toList();
    }

    /** A strict RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; rows end with CRLF. */
    static final class Rfc4180 {
        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            int i = 0;
            while (i < text.length()) {
                char ch = text.charAt(i);
                if (ch == '"' && field.isEmpty()) {
                    i++;
                    while (true) {
                        if (i >= text.length()) {
                            throw new IllegalArgumentException("unterminated quoted field");
                        }
                        char q = text.charAt(i++);
                        if (q == '"') {
                            if (i < text.length() && text.charAt(i) == '"') {
                                field.append('"');
                                i++;
                            } else {
                                break;
                            }
                        } else {
                            field.append(q);
                        }
                    }
                    if (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '\r') {
                        throw new IllegalArgumentException("text after a closing quote at " + i);
                    }
                } else if (ch == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                    i++;
                } else if (ch == '\r') {
                    if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                        throw new IllegalArgumentException("CR without LF at " + i);
                    }
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    i += 2;
                } else if (ch == '"' || ch == '\n') {
                    throw new IllegalArgumentException("bare " + (ch == '"' ? "quote" : "LF") + " at " + i);
                } else {
                    field.append(ch);
                    i++;
                }
            }
            if (!field.isEmpty() || !row.isEmpty()) {
                throw new IllegalArgumentException("the last row does not end with CRLF");
            }
            return rows;
        }
    }
}
