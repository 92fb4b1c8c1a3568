package dev.recruitdesk.reminders;

import static dev.recruitdesk.reminders.ReminderKind.CONFIRM_2H;
import static dev.recruitdesk.reminders.ReminderKind.DAY_BEFORE;
import static dev.recruitdesk.reminders.ReminderKind.STARTING_SOON;
import static dev.recruitdesk.reminders.ReminderKind.UNCONFIRMED_ALERT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReminderPlannerTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final ZoneId NOVOSIBIRSK = ZoneId.of("Asia/Novosibirsk");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    static PlanInput input(Instant start, ZoneId candidate, ZoneId recruiter, boolean confirmed, ReminderPolicy policy, Instant now) {
        return new PlanInput(42, 3, start, start.plus(Duration.ofMinutes(30)), candidate, recruiter, confirmed, policy, now);
    }

    static Map<ReminderKind, PlannedReminder> byKind(List<PlannedReminder> plan) {
        return plan.stream().collect(Collectors.toMap(PlannedReminder::kind, Function.identity()));
    }

    static Map<ReminderKind, SkippedReminder.Cause> skips(ReminderPlan plan) {
        return plan.skipped().stream().collect(Collectors.toMap(SkippedReminder::kind, SkippedReminder::cause));
    }

    @Test
    void defaultPolicyThreeDaysAheadPlansAllFourOnTime() {
        Instant start = at("2026-12-15T12:00", MOSCOW);
        List<PlannedReminder> plan = ReminderPlanner.plan(input(start, MOSCOW, MOSCOW, false, ReminderPolicy.defaults(),
                at("2026-12-12T12:00", MOSCOW)));

        assertThat(plan).extracting(PlannedReminder::kind).containsExactly(DAY_BEFORE, CONFIRM_2H, UNCONFIRMED_ALERT, STARTING_SOON);
        Map<ReminderKind, PlannedReminder> k = byKind(plan);
        assertThat(k.get(DAY_BEFORE).dueAt()).isEqualTo(at("2026-12-14T12:00", MOSCOW));
        assertThat(k.get(DAY_BEFORE).expiresAt()).as("expires when the 2-hour prompt is due").isEqualTo(at("2026-12-15T10:00", MOSCOW));
        assertThat(k.get(DAY_BEFORE).withConfirmButtons()).isTrue();
        assertThat(k.get(CONFIRM_2H).dueAt()).isEqualTo(at("2026-12-15T10:00", MOSCOW));
        assertThat(k.get(CONFIRM_2H).expiresAt()).isEqualTo(start);
        assertThat(k.get(UNCONFIRMED_ALERT).dueAt()).isEqualTo(at("2026-12-15T11:00", MOSCOW));
        assertThat(k.get(UNCONFIRMED_ALERT).recipient()).isEqualTo(Recipient.RECRUITER);
        assertThat(k.get(STARTING_SOON).dueAt()).isEqualTo(at("2026-12-15T11:50", MOSCOW));
        assertThat(k.get(STARTING_SOON).withConfirmButtons()).isFalse();
        assertThat(plan).extracting(PlannedReminder::dedupKey).containsExactly(
                "day_before:booking-42:rev-3", "confirm_2h:booking-42:rev-3", "unconfirmed_alert:booking-42:rev-3",
                "starting_soon:booking-42:rev-3");
        assertThat(plan).allSatisfy(r -> assertThat(r.reason()).startsWith("on time"));
    }

    @Test
    void approvedNinetyMinutesBeforeGetsThePromptAtOnceAndNoDayBefore() {
        Instant start = at("2026-12-15T12:00", MOSCOW);
        Instant now = start.minus(Duration.ofMinutes(90));
        ReminderPlan plan = ReminderPlanner.decide(input(start, MOSCOW, MOSCOW, false, ReminderPolicy.defaults(), now));

        Map<ReminderKind, PlannedReminder> k = byKind(plan.planned());
        assertThat(k.keySet()).containsExactlyInAnyOrder(CONFIRM_2H, UNCONFIRMED_ALERT, STARTING_SOON);
        assertThat(k.get(CONFIRM_2H).dueAt()).isEqualTo(now);
        assertThat(k.get(CONFIRM_2H).reason()).startsWith("at once");
        assertThat(k.get(UNCONFIRMED_ALERT).dueAt()).as("nominal 11:00, and 30 min after the prompt").isEqualTo(at("2026-12-15T11:00", MOSCOW));
        assertThat(k.get(STARTING_SOON).dueAt()).isEqualTo(at("2026-12-15T11:50", MOSCOW));
        assertThat(skips(plan)).containsEntry(DAY_BEFORE, SkippedReminder.Cause.COVERED);
    }

    @Test
    void approvedFiftyMinutesBeforeAlertsTheRecruiterAfterTheAnswerTime() {
        Instant start = at("2026-12-15T12:00", MOSCOW);
        Instant now = start.minus(Duration.ofMinutes(50));
        Map<ReminderKind, PlannedReminder> k = byKind(ReminderPlanner.plan(input(start, MOSCOW, MOSCOW, false, ReminderPolicy.defaults(), now)));

        assertThat(k.get(CONFIRM_2H).dueAt()).isEqualTo(now);
        assertThat(k.get(UNCONFIRMED_ALERT).dueAt()).isEqualTo(now.plus(ReminderPlanner.ANSWER_TIME));
        assertThat(k).doesNotContainKey(DAY_BEFORE);
    }

    @Test
    void approvedFifteenMinutesBeforeGetsOnlyStartingSoon() {
        Instant start = at("2026-12-15T12:00", MOSCOW);
        ReminderPlan plan = ReminderPlanner.decide(input(start, MOSCOW, MOSCOW, false, ReminderPolicy.defaults(),
                start.minus(Duration.ofMinutes(15))));

        assertThat(plan.planned()).extracting(PlannedReminder::kind).containsExactly(STARTING_SOON);
        assertThat(skips(plan)).containsEntry(CONFIRM_2H, SkippedReminder.Cause.COVERED)
                .containsEntry(DAY_BEFORE, SkippedReminder.Cause.COVERED)
                .containsEntry(UNCONFIRMED_ALERT, SkippedReminder.Cause.NO_PROMPT);
    }

    @Test
    void approvedAfterTheStartPlansNothing() {
        Instant start = at("2026-12-15T12:00", MOSCOW);
        ReminderPlan plan = ReminderPlanner.decide(input(start, MOSCOW, MOSCOW, false, ReminderPolicy.defaults(), start));
        assertThat(plan.planned()).isEmpty();
        assertThat(skips(plan)).containsEntry(STARTING_SOON, SkippedReminder.Cause.EXPIRED);
    }

    @Test
    void confirmedCandidateGetsNoPromptsAndNoAlert() {
        Instant start = at("2026-12-15T12:00", MOSCOW);
        ReminderPlan plan = ReminderPlanner.decide(input(start, MOSCOW, MOSCOW, true, ReminderPolicy.defaults(), at("2026-12-12T12:00", MOSCOW)));

        Map<ReminderKind, PlannedReminder> k = byKind(plan.planned());
        assertThat(k.keySet()).containsExactlyInAnyOrder(DAY_BEFORE, STARTING_SOON);
        assertThat(k.get(DAY_BEFORE).withConfirmButtons()).isFalse();
        assertThat(k.get(DAY_BEFORE).expiresAt()).isEqualTo(k.get(STARTING_SOON).dueAt());
        assertThat(skips(plan)).containsEntry(CONFIRM_2H, SkippedReminder.Cause.ALREADY_CONFIRMED)
                .containsEntry(UNCONFIRMED_ALERT, SkippedReminder.Cause.ALREADY_CONFIRMED);
    }

    @Test
    void disabledKindsAreSkippedAndTheRestStillPlanned() {
        ReminderPolicy policy = ReminderPolicy.defaults().withEnabled(CONFIRM_2H, false).withEnabled(STARTING_SOON, false);
        Instant start = at("2026-12-15T12:00", MOSCOW);
        ReminderPlan plan = ReminderPlanner.decide(input(start, MOSCOW, MOSCOW, false, policy, at("2026-12-12T12:00", MOSCOW)));

        Map<ReminderKind, PlannedReminder> k = byKind(plan.planned());
        assertThat(k.keySet()).containsExactlyInAnyOrder(DAY_BEFORE, UNCONFIRMED_ALERT);
        assertThat(k.get(DAY_BEFORE).expiresAt()).as("nothing later planned: expires at the start").isEqualTo(start);
        assertThat(skips(plan)).containsEntry(CONFIRM_2H, SkippedReminder.Cause.DISABLED);
    }

    @Test
    void earlyInterviewMovesThePromptToTheEveningBefore() {
        Instant start = at("2026-12-15T07:30", MOSCOW);
        ReminderPlan plan = ReminderPlanner.decide(input(start, MOSCOW, MOSCOW, false, ReminderPolicy.defaults(), at("2026-12-12T12:00", MOSCOW)));

        Map<ReminderKind, PlannedReminder> k = byKind(plan.planned());
        assertThat(k.get(CONFIRM_2H).dueAt()).as("05:30 is quiet; 08:00 is after the start").isEqualTo(at("2026-12-14T21:59", MOSCOW));
        assertThat(k.get(CONFIRM_2H).reason()).contains("moved earlier to 2026-12-14 21:59");
        assertThat(k.get(DAY_BEFORE).dueAt()).as("07:30 the day before: 08:00 is closer than 21:59 two days before")
                .isEqualTo(at("2026-12-14T08:00", MOSCOW));
        assertThat(skips(plan)).as("starting soon would be 9 h early, or after the start")
                .containsEntry(STARTING_SOON, SkippedReminder.Cause.QUIET_HOURS)
                .containsEntry(UNCONFIRMED_ALERT, SkippedReminder.Cause.QUIET_HOURS);
    }

    @Test
    void quietHourBoundariesAreStartInclusiveEndExclusive() {
        ReminderPolicy policy = ReminderPolicy.defaults().withOffset(DAY_BEFORE, Duration.ofHours(14));
        Instant atEight = at("2026-12-15T22:00", MOSCOW);
        Map<ReminderKind, PlannedReminder> k = byKind(ReminderPlanner.plan(input(atEight, MOSCOW, MOSCOW, false, policy,
                at("2026-12-12T12:00", MOSCOW))));
        assertThat(k.get(DAY_BEFORE).dueAt()).as("08:00 is not quiet").isEqualTo(at("2026-12-15T08:00", MOSCOW));

        Instant atTenPast = at("2026-12-15T22:10", MOSCOW);
        k = byKind(ReminderPlanner.plan(input(atTenPast, MOSCOW, MOSCOW, false, policy.withOffset(DAY_BEFORE, Duration.ofMinutes(10 + 20 * 60 - 12 * 60)),
                at("2026-12-12T12:00", MOSCOW))));
        assertThat(k.get(STARTING_SOON).dueAt()).as("22:00 is quiet: 21:59, 11 min early").isEqualTo(at("2026-12-15T21:59", MOSCOW));
    }

    @Test
    void approvedAtNightGetsItsPromptWhenQuietHoursEnd() {
        Instant start = at("2026-12-15T09:00", MOSCOW);
        Instant now = at("2026-12-14T23:00", MOSCOW);
        ReminderPlan plan = ReminderPlanner.decide(input(start, MOSCOW, MOSCOW, false, ReminderPolicy.defaults(), now));

        Map<ReminderKind, PlannedReminder> k = byKind(plan.planned());
        assertThat(k.get(CONFIRM_2H).dueAt()).isEqualTo(at("2026-12-15T08:00", MOSCOW));
        assertThat(k.get(STARTING_SOON).dueAt()).isEqualTo(at("2026-12-15T08:50", MOSCOW));
        assertThat(k.get(UNCONFIRMED_ALERT).dueAt()).isEqualTo(at("2026-12-15T08:30", MOSCOW));
        assertThat(skips(plan)).as("the day-before message could only come beside the prompt")
                .containsEntry(DAY_BEFORE, SkippedReminder.Cause.QUIET_HOURS);
    }

    @Test
    void quietHoursOffSendsAtTheNominalTime() {
        Instant start = at("2026-12-15T07:30", MOSCOW);
        Map<ReminderKind, PlannedReminder> k = byKind(ReminderPlanner.plan(input(start, MOSCOW, MOSCOW, false,
                ReminderPolicy.defaults().withQuietHoursEnabled(false), at("2026-12-12T12:00", MOSCOW))));
        assertThat(k.get(CONFIRM_2H).dueAt()).isEqualTo(at("2026-12-15T05:30", MOSCOW));
        assertThat(k.get(STARTING_SOON).dueAt()).isEqualTo(at("2026-12-15T07:20", MOSCOW));
    }

    @Test
    void berlinSpringForwardNightIsAnHourShorter() {
        Instant start = at("2026-03-29T09:00", BERLIN);
        assertThat(start).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
        Map<ReminderKind, PlannedReminder> k = byKind(ReminderPlanner.plan(input(start, BERLIN, BERLIN, false, ReminderPolicy.defaults(),
                at("2026-03-25T12:00", BERLIN))));

        assertThat(k.get(DAY_BEFORE).dueAt()).as("24 h before is 08:00 CET, just outside quiet hours")
                .isEqualTo(Instant.parse("2026-03-28T07:00:00Z"));
        assertThat(k.get(CONFIRM_2H).dueAt()).as("07:00 CEST is quiet: 08:00 CEST").isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
        assertThat(k.get(STARTING_SOON).dueAt()).isEqualTo(Instant.parse("2026-03-29T06:50:00Z"));
        assertThat(k.get(UNCONFIRMED_ALERT).dueAt()).isEqualTo(Instant.parse("2026-03-29T06:30:00Z"));
    }

    @Test
    void berlinFallBackNightIsAnHourLonger() {
        Instant start = at("2026-10-25T09:00", BERLIN);
        assertThat(start).isEqualTo(Instant.parse("2026-10-25T08:00:00Z"));
        Map<ReminderKind, PlannedReminder> k = byKind(ReminderPlanner.plan(input(start, BERLIN, BERLIN, false, ReminderPolicy.defaults(),
                at("2026-10-20T12:00", BERLIN))));

        assertThat(k.get(DAY_BEFORE).dueAt()).as("24 h, not one calendar day: 10:00 CEST").isEqualTo(Instant.parse("2026-10-24T08:00:00Z"));
        assertThat(k.get(DAY_BEFORE).dueAt().atZone(BERLIN).getHour()).isEqualTo(10);
        assertThat(k.get(CONFIRM_2H).dueAt()).as("07:00 CET is quiet: 08:00 CET").isEqualTo(Instant.parse("2026-10-25T07:00:00Z"));
    }

    @Test
    void newYorkSpringForward() {
        Instant start = at("2026-03-08T09:00", NEW_YORK);
        assertThat(start).isEqualTo(Instant.parse("2026-03-08T13:00:00Z"));
        Map<ReminderKind, PlannedReminder> k = byKind(ReminderPlanner.plan(input(start, NEW_YORK, NEW_YORK, false, ReminderPolicy.defaults(),
                at("2026-03-01T12:00", NEW_YORK))));

        assertThat(k.get(DAY_BEFORE).dueAt()).as("08:00 EST").isEqualTo(Instant.parse("2026-03-07T13:00:00Z"));
        assertThat(k.get(CONFIRM_2H).dueAt()).as("08:00 EDT").isEqualTo(Instant.parse("2026-03-08T12:00:00Z"));
        assertThat(k.get(STARTING_SOON).dueAt()).isEqualTo(Instant.parse("2026-03-08T12:50:00Z"));
    }

    @Test
    void newYorkFallBack() {
        Instant start = at("2026-11-01T09:00", NEW_YORK);
        assertThat(start).isEqualTo(Instant.parse("2026-11-01T14:00:00Z"));
        Map<ReminderKind, PlannedReminder> k = byKind(ReminderPlanner.plan(input(start, NEW_YORK, NEW_YORK, false, ReminderPolicy.defaults(),
                at("2026-10-25T12:00", NEW_YORK))));

        assertThat(k.get(DAY_BEFORE).dueAt()).as("10:00 EDT").isEqualTo(Instant.parse("2026-10-31T14:00:00Z"));
        assertThat(k.get(CONFIRM_2H).dueAt()).as("08:00 EST").isEqualTo(Instant.parse("2026-11-01T13:00:00Z"));
    }

    @Test
    void moscowHasNoClockChange() {
        Instant start = at("2026-03-29T09:00", MOSCOW);
        assertThat(start).isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
        Map<ReminderKind, PlannedReminder> k = byKind(ReminderPlanner.plan(input(start, MOSCOW, MOSCOW, false, ReminderPolicy.defaults(),
                at("2026-03-20T12:00", MOSCOW))));

        assertThat(k.get(DAY_BEFORE).dueAt()).isEqualTo(at("2026-03-28T09:00", MOSCOW));
        assertThat(k.get(CONFIRM_2H).dueAt()).isEqualTo(at("2026-03-29T08:00", MOSCOW));
        Instant autumn = at("2026-10-25T09:00", MOSCOW);
        Map<ReminderKind, PlannedReminder> k2 = byKind(ReminderPlanner.plan(input(autumn, MOSCOW, MOSCOW, false, ReminderPolicy.defaults(),
                at("2026-10-20T12:00", MOSCOW))));
        assertThat(k2.get(DAY_BEFORE).dueAt()).isEqualTo(at("2026-10-24T09:00", MOSCOW));
    }

    @Test
    void novosibirskCandidateQuietHoursAreReadInNovosibirskAndTheRecruitersInMoscow() {
        Instant start = at("2026-12-12T18:30", MOSCOW);
        assertThat(start.atZone(NOVOSIBIRSK).toLocalTime()).hasToString("22:30");
        Map<ReminderKind, PlannedReminder> k = byKind(ReminderPlanner.plan(input(start, NOVOSIBIRSK, MOSCOW, false, ReminderPolicy.defaults(),
                at("2026-12-08T12:00", MOSCOW))));

        assertThat(k.get(DAY_BEFORE).dueAt()).as("22:30 NSK is quiet: 21:59 NSK").isEqualTo(at("2026-12-11T21:59", NOVOSIBIRSK));
        assertThat(k.get(CONFIRM_2H).dueAt()).isEqualTo(at("2026-12-12T20:30", NOVOSIBIRSK));
        assertThat(k.get(STARTING_SOON).dueAt()).as("22:20 NSK is quiet: 21:59 NSK").isEqualTo(at("2026-12-12T21:59", NOVOSIBIRSK));
        assertThat(k.get(UNCONFIRMED_ALERT).dueAt()).as("17:30 in Moscow is fine for the recruiter").isEqualTo(at("2026-12-12T17:30", MOSCOW));

        assertThat(TimeText.format(start, NOVOSIBIRSK, Locale.forLanguageTag("ru"))).isEqualTo("12 дек, 22:30 (Новосибирск, UTC+7)");
        assertThat(TimeText.format(start, MOSCOW, Locale.forLanguageTag("ru"))).isEqualTo("12 дек, 18:30 (Москва, UTC+3)");

        Map<ReminderKind, PlannedReminder> sameZone = byKind(ReminderPlanner.plan(input(start, MOSCOW, MOSCOW, false, ReminderPolicy.defaults(),
                at("2026-12-08T12:00", MOSCOW))));
        assertThat(sameZone.get(STARTING_SOON).dueAt()).as("a Moscow candidate gets it on time").isEqualTo(at("2026-12-12T18:20", MOSCOW));
    }

    @Test
    void aSecondRevisionGetsNewKeys() {
        Instant start = at("2026-12-15T12:00", MOSCOW);
        PlanInput rev4 = new PlanInput(42, 4, start, start.plus(Duration.ofMinutes(30)), MOSCOW, MOSCOW, false, ReminderPolicy.defaults(),
                at("2026-12-12T12:00", MOSCOW));
        assertThat(ReminderPlanner.plan(rev4)).extracting(PlannedReminder::dedupKey).allMatch(key -> key.endsWith(":booking-42:rev-4"));
        assertThat(CONFIRM_2H.dedupKey(42, 3)).isEqualTo("confirm_2h:booking-42:rev-3");
    }

    @Test
    void planningIsRepeatable() {
        PlanInput in = input(at("2026-12-15T07:30", MOSCOW), NOVOSIBIRSK, MOSCOW, false, ReminderPolicy.defaults(), at("2026-12-14T23:10", MOSCOW));
        assertThat(ReminderPlanner.decide(in)).isEqualTo(ReminderPlanner.decide(in));
    }

    @Test
    void planAllStreamsEveryBookingsReminders() {
        List<PlanInput> inputs = new ArrayList<>();
        Instant now = at("2026-12-01T12:00", MOSCOW);
        for (int i = 1; i <= 10_000; i++) {
            Instant start = now.plus(Duration.ofMinutes(30L * i));
            inputs.add(new PlanInput(i, 1, start, start.plus(Duration.ofMinutes(30)), NOVOSIBIRSK, MOSCOW, i % 3 == 0,
                    ReminderPolicy.defaults(), now));
        }
        List<PlannedReminder> sink = new ArrayList<>();
        long started = System.nanoTime();
        int count = ReminderPlanner.planAll(inputs, sink::add);
        long ms = (System.nanoTime() - started) / 1_000_000;

        assertThat(count).isEqualTo(sink.size()).isGreaterThan(20_000);
        assertThat(sink).extracting(PlannedReminder::dedupKey).doesNotHaveDuplicates();
        assertThat(ms).as("pure planning of 10,000 bookings").isLessThan(5_000);
    }
}
