package dev.recruitdesk.booking;

import dev.recruitdesk.domain.BookingStatus;
import dev.recruitdesk.domain.OutboxStatus;
import dev.recruitdesk.reminders.ReminderKind;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The dashboard's figures from plain facts: a pure function, so every number is tested without a database. Every
 * figure keeps the ids of the bookings behind it, for the drill-down.
 */
public final class DashboardCalculator {

    /** Reminders that count for "which reminders were delivered", in the order they fall. */
    static final List<String> REMINDERS = List.of(ReminderKind.DAY_BEFORE.keyName(), ReminderKind.CONFIRM_2H.keyName(),
            ReminderKind.STARTING_SOON.keyName());
    private static final Set<BookingStatus> OUTCOMES = EnumSet.of(BookingStatus.ATTENDED, BookingStatus.NO_SHOW, BookingStatus.PASSED, BookingStatus.FAILED);

    private DashboardCalculator() {
    }

    /** A count and the bookings it counts; {@code key} names it (a message key suffix or a group). */
    public record Figure(String key, long value, List<Long> bookingIds) {
        public Figure {
            bookingIds = List.copyOf(bookingIds);
        }
    }

    /** A rate: {@code part} of {@code whole} (both with their bookings); 0 when the whole is empty. */
    public record Rate(String key, List<Long> part, List<Long> whole) {
        public Rate {
            part = List.copyOf(part);
            whole = List.copyOf(whole);
        }

        public double value() {
            return whole.isEmpty() ? 0 : (double) part.size() / whole.size();
        }
    }

    /** One week of outcomes, by the week the interview was in (Monday in the recruiter's zone). */
    public record WeekRates(LocalDate monday, Rate showUp, Rate noShow) {
    }

    /** One day of delivery outcomes. */
    public record DeliveryDay(LocalDate day, long sent, long failed, long ambiguous) {
    }

    /** A message that reached SENT, FAILED or AMBIGUOUS at {@code at}. */
    public record DeliveryOutcome(OutboxStatus status, Instant at) {
    }

    /**
     * Everything on the dashboard.
     *
     * @param medianApproval the median time from request to first approval over the last 30 days, or {@code null}
     * @param approvals      the bookings that median is taken over
     */
    public record Dashboard(Instant now, ZoneId zone, List<BookingFact> today, List<BookingFact> tomorrow, List<Figure> actions,
                            List<Figure> funnel, List<WeekRates> weeks, List<Rate> byConfirmation, List<Rate> byReminders,
                            Duration medianApproval, Figure approvals, List<DeliveryDay> delivery, List<BookingFact> facts) {
    }

    public static Dashboard compute(List<BookingFact> facts, List<DeliveryOutcome> delivery, ZoneId zone, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<BookingFact> todays = sorted(facts, f -> day(f.slotStart(), zone).equals(today) && shown(f));
        List<BookingFact> tomorrows = sorted(facts, f -> day(f.slotStart(), zone).equals(today.plusDays(1)) && shown(f));

        List<Figure> actions = List.of(
                figure("requests", facts, f -> f.status() == BookingStatus.REQUESTED && f.slotStart().isAfter(now)),
                figure("unconfirmed", facts, f -> f.status() == BookingStatus.APPROVED && f.slotStart().isAfter(now)
                        && f.slotStart().isBefore(now.plus(Duration.ofHours(24)))),
                figure("outcomes", facts, f -> (f.status() == BookingStatus.APPROVED || f.status() == BookingStatus.CONFIRMED)
                        && !f.slotEnd().isAfter(now)));

        List<BookingFact> cohort = sorted(facts, f -> !day(f.requestedAt(), zone).isBefore(monday)
                && day(f.requestedAt(), zone).isBefore(monday.plusWeeks(1)));
        List<Figure> funnel = List.of(
                figure("requested", cohort, f -> true),
                figure("approved", cohort, f -> f.approvedAt() != null),
                figure("confirmed", cohort, f -> f.confirmedAt() != null),
                figure("attended", cohort, f -> f.status().showedUp()));

        List<WeekRates> weeks = new ArrayList<>();
        for (int i = DashboardQueries.WEEKS - 1; i >= 0; i--) {
            LocalDate start = monday.minusWeeks(i);
            List<BookingFact> done = sorted(facts, f -> OUTCOMES.contains(f.status())
                    && !day(f.slotStart(), zone).isBefore(start) && day(f.slotStart(), zone).isBefore(start.plusWeeks(1)));
            weeks.add(new WeekRates(start, rate("show_up", done, f -> f.status().showedUp()),
                    rate("no_show", done, f -> f.status() == BookingStatus.NO_SHOW)));
        }

        List<BookingFact> decided = sorted(facts, f -> OUTCOMES.contains(f.status()));
        Map<String, List<BookingFact>> byConfirmation = new LinkedHashMap<>();
        for (String group : List.of("not_confirmed", "after_day_before", "after_confirm_2h")) {
            byConfirmation.put(group, new ArrayList<>());
        }
        Map<String, List<BookingFact>> byReminders = new LinkedHashMap<>();
        for (BookingFact f : decided) {
            byConfirmation.get(confirmationGroup(f)).add(f);
            byReminders.computeIfAbsent(reminderGroup(f), k -> new ArrayList<>()).add(f);
        }
        List<Rate> confirmationRates = new ArrayList<>();
        byConfirmation.forEach((group, list) -> confirmationRates.add(rate(group, list, f -> f.status().showedUp())));
        List<Rate> reminderRates = new ArrayList<>();
        byReminders.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparingInt(DashboardCalculator::groupOrder)))
                .forEach(e -> reminderRates.add(rate(e.getKey(), e.getValue(), f -> f.status().showedUp())));

        Instant monthAgo = now.minus(Duration.ofDays(30));
        List<BookingFact> approvedLately = sorted(facts, f -> f.approvedAt() != null && !f.requestedAt().isBefore(monthAgo));
        List<Duration> waits = approvedLately.stream().map(f -> Duration.between(f.requestedAt(), f.approvedAt())).sorted().toList();

        List<DeliveryDay> days = new ArrayList<>();
        for (int i = 6; i >= 0; i--) {
            LocalDate d = today.minusDays(i);
            days.add(new DeliveryDay(d, countOn(delivery, OutboxStatus.SENT, d, zone), countOn(delivery, OutboxStatus.FAILED, d, zone),
                    countOn(delivery, OutboxStatus.AMBIGUOUS, d, zone)));
        }
        return new Dashboard(now, zone, todays, tomorrows, actions, funnel, weeks, confirmationRates, reminderRates,
                median(waits), figure("approvals", approvedLately, f -> true), days, List.copyOf(facts));
    }

    /**
     * How the candidate confirmed: not at all; before the 2-hour prompt went out (after the day-before reminder or
     * earlier); or after the 2-hour prompt was delivered.
     */
    static String confirmationGroup(BookingFact f) {
        if (f.confirmedAt() == null) {
            return "not_confirmed";
        }
        Instant prompt = f.remindersSent().get(ReminderKind.CONFIRM_2H.keyName());
        return prompt != null && !prompt.isAfter(f.confirmedAt()) ? "after_confirm_2h" : "after_day_before";
    }

    /** The reminders delivered, e.g. {@code day_before+confirm_2h}, or {@code none}. */
    static String reminderGroup(BookingFact f) {
        List<String> sent = REMINDERS.stream().filter(f.remindersSent()::containsKey).toList();
        return sent.isEmpty() ? "none" : String.join("+", sent);
    }

    private static int groupOrder(String group) {
        if (group.equals("none")) {
            return 0;
        }
        int order = 0;
        for (String kind : group.split("\\+")) {
            order += 1 << (REMINDERS.size() - REMINDERS.indexOf(kind));
        }
        return order;
    }

    static Duration median(List<Duration> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }

    private static boolean shown(BookingFact f) {
        return f.status().isActive() || OUTCOMES.contains(f.status());
    }

    private static LocalDate day(Instant t, ZoneId zone) {
        return LocalDate.ofInstant(t, zone);
    }

    private static List<BookingFact> sorted(List<BookingFact> facts, Predicate<BookingFact> filter) {
        return facts.stream().filter(filter)
                .sorted(Comparator.comparing(BookingFact::slotStart).thenComparing(BookingFact::bookingId)).toList();
    }

    private static Figure figure(String key, List<BookingFact> facts, Predicate<BookingFact> filter) {
        List<Long> ids = facts.stream().filter(filter).map(BookingFact::bookingId).toList();
        return new Figure(key, ids.size(), ids);
    }

    private static Rate rate(String key, List<BookingFact> whole, Predicate<BookingFact> part) {
        return new Rate(key, whole.stream().filter(part).map(BookingFact::bookingId).toList(),
                whole.stream().map(BookingFact::bookingId).toList());
    }

    private static long countOn(List<DeliveryOutcome> outcomes, OutboxStatus status, LocalDate d, ZoneId zone) {
        return outcomes.stream().filter(o -> o.status() == status && day(o.at(), zone).equals(d)).count();
    }
}
