package dev.recruitdesk.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.MutableClock;
import dev.recruitdesk.accounts.TestCallers;
import dev.recruitdesk.booking.DashboardCalculator.Dashboard;
import dev.recruitdesk.booking.DashboardCalculator.DeliveryDay;
import dev.recruitdesk.booking.DashboardCalculator.Rate;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.BookingStatus;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.OutboxStatus;
import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's figures on a seeded data set, checked against the same figures worked out from the seed itself.
 * "Now" is Thursday 3 December 2026, 12:00 Moscow; this week runs Monday 30 November – Sunday 6 December.
 */
class DashboardQueriesTest {

    private static final ZoneId MSK = ZoneId.of("Europe/Moscow");
    private static final Instant NOW = at(12, 3, 12, 0);

    /** One booking of the seed: when it is, when it was asked for and answered, which reminders went out, the end. */
    private record Spec(String name, Instant start, Instant requested, Integer approveAfterMinutes, List<String> sent,
                        Instant confirmed, BookingStatus outcome) {
    }

    private static final List<Spec> SEED = List.of(
            new Spec("Анна", at(11, 30, 10, 0), at(11, 26, 9, 0), 60, List.of("day_before", "starting_soon"), at(11, 29, 11, 0), BookingStatus.ATTENDED),
            new Spec("Борис", at(12, 1, 15, 0), at(11, 30, 9, 0), 30, List.of("day_before", "confirm_2h", "starting_soon"), at(12, 1, 13, 10), BookingStatus.ATTENDED),
            new Spec("Вера", at(12, 2, 11, 0), at(11, 30, 12, 0), 90, List.of("day_before", "confirm_2h"), null, BookingStatus.NO_SHOW),
            new Spec("Глеб", at(12, 3, 16, 0), at(12, 1, 10, 0), 20, List.of("day_before"), at(12, 2, 18, 0), null),
            new Spec("Дарья", at(12, 4, 10, 0), at(12, 2, 9, 0), null, List.of(), null, null),
            new Spec("Егор", at(12, 4, 11, 0), at(12, 3, 9, 0), 45, List.of(), null, null),
            new Spec("Жанна, \"Ж\"", at(11, 23, 10, 0), at(11, 20, 9, 0), 120, List.of(), null, BookingStatus.NO_SHOW));

    @TempDir
    Path tmp;
    private final MutableClock clock = new MutableClock(NOW);
    private Database db;
    private BookingService bookings;
    private long recruiter;
    private final Map<String, Long> ids = new LinkedHashMap<>();

    @BeforeEach
    void seed() {
        db = TestDatabases.h2(tmp);
        bookings = TestBookings.service(db, clock);
        SlotService slots = new SlotService(db, clock);
        recruiter = new RecruiterService(db).ensureDefault("Рекрутер", MSK).getId();
        long chat = 8_000_000L;
        for (Spec spec : SEED.stream().sorted(Comparator.comparing(Spec::requested)).toList()) {
            long candidate = new CandidateService(db).create(TestCallers.ADMIN, spec.name(), "Europe/Moscow").getId();
            long c = ++chat;
            db.run(s -> s.find(Candidate.class, candidate).bindTelegram(c, c, null));
            clock.set(spec.requested().minusSeconds(60));
            long slot = slots.create(TestCallers.ADMIN, recruiter, spec.start(), Duration.ofMinutes(30), "https://meet.example/rd").id();
            clock.set(spec.requested());
            long booking = bookings.request(slot, candidate, Actor.CANDIDATE).getId();
            ids.put(spec.name(), booking);
            if (spec.approveAfterMinutes() != null) {
                clock.set(spec.requested().plus(Duration.ofMinutes(spec.approveAfterMinutes())));
                TestBookings.approve(bookings, booking);
                markSent(booking, spec.sent());
            }
            if (spec.confirmed() != null) {
                clock.set(spec.confirmed());
                bookings.confirm(booking);
            }
            if (spec.outcome() != null) {
                clock.set(spec.start().plus(Duration.ofHours(1)));
                TestBookings.markOutcome(bookings, booking, spec.outcome());
            }
        }
        clock.set(NOW);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void figuresMatchTheSeed() {
        Dashboard d = new DashboardQueries(db, clock).dashboard(TestCallers.ADMIN, recruiter, MSK);
        LocalDate today = LocalDate.of(2026, 12, 3);
        LocalDate monday = LocalDate.of(2026, 11, 30);

        assertThat(names(d.today().stream().map(BookingFact::bookingId).toList())).containsExactlyElementsOf(
                namesWhere(s -> day(s.start()).equals(today)));
        assertThat(names(d.tomorrow().stream().map(BookingFact::bookingId).toList())).containsExactlyElementsOf(
                namesWhere(s -> day(s.start()).equals(today.plusDays(1))));

        Map<String, List<String>> actions = new LinkedHashMap<>();
        d.actions().forEach(f -> actions.put(f.key(), names(f.bookingIds())));
        assertThat(actions).containsEntry("requests", namesWhere(s -> s.approveAfterMinutes() == null && s.start().isAfter(NOW)))
                .containsEntry("unconfirmed", namesWhere(s -> s.approveAfterMinutes() != null && s.confirmed() == null && s.outcome() == null
                        && s.start().isAfter(NOW) && s.start().isBefore(NOW.plus(Duration.ofHours(24)))))
                .containsEntry("outcomes", List.of());

        List<Spec> cohort = SEED.stream().filter(s -> !day(s.requested()).isBefore(monday) && day(s.requested()).isBefore(monday.plusWeeks(1))).toList();
        assertThat(d.funnel()).extracting(DashboardCalculator.Figure::value).containsExactly(
                (long) cohort.size(),
                cohort.stream().filter(s -> s.approveAfterMinutes() != null).count(),
                cohort.stream().filter(s -> s.confirmed() != null).count(),
                cohort.stream().filter(s -> s.outcome() == BookingStatus.ATTENDED).count());
        assertThat(d.funnel()).extracting(DashboardCalculator.Figure::value).containsExactly(5L, 4L, 2L, 1L);

        assertThat(d.weeks()).hasSize(DashboardQueries.WEEKS);
        DashboardCalculator.WeekRates thisWeek = d.weeks().get(d.weeks().size() - 1);
        assertThat(thisWeek.monday()).isEqualTo(monday);
        assertThat(thisWeek.showUp().value()).isEqualTo(2.0 / 3);
        assertThat(thisWeek.noShow().value()).isEqualTo(1.0 / 3);
        assertThat(names(thisWeek.noShow().part())).containsExactly("Вера");
        assertThat(d.weeks().get(d.weeks().size() - 2).showUp().whole()).hasSize(1);
        assertThat(d.weeks().get(d.weeks().size() - 2).showUp().value()).isZero();

        Map<String, String> byConfirmation = rates(d.byConfirmation());
        assertThat(byConfirmation).containsExactly(Map.entry("not_confirmed", "0/2"), Map.entry("after_day_before", "1/1"),
                Map.entry("after_confirm_2h", "1/1"));
        Map<String, List<String>> expectedGroups = new TreeMap<>();
        SEED.stream().filter(s -> s.outcome() != null).forEach(s -> expectedGroups.computeIfAbsent(
                s.sent().isEmpty() ? "none" : String.join("+", s.sent()), k -> new ArrayList<>()).add(s.name()));
        assertThat(rates(d.byReminders()).keySet()).containsExactlyInAnyOrderElementsOf(expectedGroups.keySet());
        assertThat(rates(d.byReminders())).containsEntry("none", "0/1").containsEntry("day_before+starting_soon", "1/1")
                .containsEntry("day_before+confirm_2h+starting_soon", "1/1").containsEntry("day_before+confirm_2h", "0/1");

        List<Long> waits = SEED.stream().filter(s -> s.approveAfterMinutes() != null).map(s -> (long) s.approveAfterMinutes()).sorted().toList();
        assertThat(waits).containsExactly(20L, 30L, 45L, 60L, 90L, 120L);
        assertThat(d.medianApproval()).isEqualTo(Duration.ofMinutes((waits.get(2) + waits.get(3))).dividedBy(2));
        assertThat(d.approvals().value()).isEqualTo(6);

        Map<LocalDate, Long> sentPerDay = SEED.stream().filter(s -> s.approveAfterMinutes() != null).flatMap(s -> s.sent().stream()
                .map(k -> day(s.start().minus(offset(k))))).collect(Collectors.groupingBy(x -> x, TreeMap::new, Collectors.counting()));
        assertThat(d.delivery()).extracting(DeliveryDay::day).containsExactly(today.minusDays(6), today.minusDays(5), today.minusDays(4),
                today.minusDays(3), today.minusDays(2), today.minusDays(1), today);
        for (DeliveryDay day : d.delivery()) {
            assertThat(day.sent()).as("sent on %s", day.day()).isEqualTo(sentPerDay.getOrDefault(day.day(), 0L));
            assertThat(day.failed()).isZero();
        }
    }

    @Test
    void bookingsOfAPeriodForTheExport() {
        List<BookingFact> facts = new DashboardQueries(db, clock).bookingsBetween(TestCallers.ADMIN, recruiter, at(11, 30, 0, 0), at(12, 3, 0, 0));
        assertThat(facts).filteredOn(f -> !f.slotStart().isBefore(at(11, 30, 0, 0)) && f.slotStart().isBefore(at(12, 3, 0, 0)))
                .extracting(BookingFact::candidateName).containsExactly("Анна", "Борис", "Вера");
        BookingFact boris = facts.stream().filter(f -> f.candidateName().equals("Борис")).findFirst().orElseThrow();
        assertThat(boris.remindersSent().keySet()).containsExactlyInAnyOrder("day_before", "confirm_2h", "starting_soon");
        assertThat(boris.approvedAt()).isEqualTo(at(11, 30, 9, 30));
        assertThat(boris.confirmedAt()).isEqualTo(at(12, 1, 13, 10));
    }

    private void markSent(long booking, List<String> kinds) {
        for (String kind : kinds) {
            db.run(s -> s.createMutationQuery("update OutboxMessage m set m.status = :sent, m.sentAt = m.dueAt, m.updatedAt = m.dueAt "
                            + "where m.bookingId = :b and m.kind = :k")
                    .setParameter("sent", OutboxStatus.SENT).setParameter("b", booking).setParameter("k", "reminder_" + kind).executeUpdate());
        }
    }

    private static Duration offset(String kind) {
        return switch (kind) {
            case "day_before" -> Duration.ofHours(24);
            case "confirm_2h" -> Duration.ofHours(2);
            default -> Duration.ofMinutes(10);
        };
    }

    private static Map<String, String> rates(List<Rate> rates) {
        Map<String, String> m = new LinkedHashMap<>();
        rates.forEach(r -> m.put(r.key(), r.part().size() + "/" + r.whole().size()));
        return m;
    }

    private List<String> names(List<Long> bookingIds) {
        return bookingIds.stream().map(id -> ids.entrySet().stream().filter(e -> e.getValue().equals(id)).findFirst().orElseThrow().getKey()).toList();
    }

    private static List<String> namesWhere(java.util.function.Predicate<Spec> p) {
        return SEED.stream().filter(p).sorted(Comparator.comparing(Spec::start)).map(Spec::name).toList();
    }

    private static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, MSK);
    }

    private static Instant at(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2026, month, day, hour, minute).atZone(MSK).toInstant();
    }
}
