package dev.recruitdesk.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the planner over random zones (all of the JDK's), slots near clock changes, policies and "now". */
class ReminderPlannerProperties {

    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();
    private static final long FROM = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
    private static final long TO = Instant.parse("2040-01-01T00:00:00Z").getEpochSecond();

    @Property(tries = 2000)
    void everyPlanKeepsTheRules(@ForAll("inputs") PlanInput in) {
        ReminderPlan plan = ReminderPlanner.decide(in);
        Instant now = in.now();
        Map<ReminderKind, PlannedReminder> planned = new EnumMap<>(ReminderKind.class);
        for (PlannedReminder r : plan.planned()) {
            assertThat(planned.put(r.kind(), r)).as("kind twice: %s", r.kind()).isNull();
            assertThat(r.dedupKey()).isEqualTo(r.kind().dedupKey(in.bookingId(), in.revision()))
                    .matches("[a-z0-9_]+:booking-\\d+:rev-\\d+");
            assertThat(r.dueAt()).as("%s due not before now", r.kind()).isAfterOrEqualTo(now);
            assertThat(r.dueAt()).as("%s due before it expires", r.kind()).isBefore(r.expiresAt());
            assertThat(r.expiresAt()).isAfter(now).isBeforeOrEqualTo(in.slotStart());
            assertThat(r.recipient()).isEqualTo(r.kind().recipient());
            in.policy().activeQuietHours().ifPresent(q -> assertThat(q.contains(LocalTime.ofInstant(r.dueAt(), in.zoneOf(r.recipient()))))
                    .as("%s due %s inside quiet hours %s in %s", r.kind(), r.dueAt(), q, in.zoneOf(r.recipient())).isFalse());
            assertThat(in.policy().isEnabled(r.kind())).isTrue();
        }
        assertThat(plan.planned()).extracting(PlannedReminder::dedupKey).doesNotHaveDuplicates();
        assertThat(plan.planned()).isSortedAccordingTo(Comparator.comparing(PlannedReminder::dueAt));

        Set<ReminderKind> decided = EnumSet.noneOf(ReminderKind.class);
        plan.planned().forEach(r -> decided.add(r.kind()));
        plan.skipped().forEach(s -> assertThat(decided.add(s.kind())).as("%s planned and skipped", s.kind()).isTrue());
        assertThat(decided).containsExactlyInAnyOrder(ReminderKind.values());

        if (in.candidateConfirmed()) {
            assertThat(planned).doesNotContainKeys(ReminderKind.CONFIRM_2H, ReminderKind.UNCONFIRMED_ALERT);
            assertThat(plan.planned()).noneMatch(PlannedReminder::withConfirmButtons);
        }
        checkCandidateKinds(in, plan, planned);
        checkAlert(in, planned);
    }

    private static void checkCandidateKinds(PlanInput in, ReminderPlan plan, Map<ReminderKind, PlannedReminder> planned) {
        List<ReminderKind> kinds = List.of(ReminderKind.DAY_BEFORE, ReminderKind.CONFIRM_2H, ReminderKind.STARTING_SOON);
        for (int i = 0; i < kinds.size(); i++) {
            ReminderKind kind = kinds.get(i);
            PlannedReminder next = null;
            for (int j = i + 1; j < kinds.size() && next == null; j++) {
                next = planned.get(kinds.get(j));
            }
            Instant want = max(in.slotStart().minus(in.policy().offset(kind)), in.now());
            PlannedReminder r = planned.get(kind);
            if (r != null) {
                if (next != null) {
                    assertThat(Duration.between(r.dueAt(), next.dueAt())).as("%s covered by %s", kind, next.kind())
                            .isGreaterThanOrEqualTo(ReminderPlanner.COVER_WINDOW);
                }
                if (!r.dueAt().equals(want)) {
                    QuietHours q = in.policy().activeQuietHours().orElseThrow();
                    assertThat(q.isQuiet(want, in.candidateZone())).as("%s moved though %s is not quiet", kind, want).isTrue();
                }
                if (r.dueAt().isBefore(want)) {
                    assertThat(Duration.between(r.dueAt(), want)).isLessThanOrEqualTo(kind.maxAdvance());
                }
                if (!r.dueAt().equals(want) && want.getEpochSecond() % 60 == 0 && want.getNano() == 0) {
                    Instant limit = next == null ? in.slotStart() : next.dueAt().minus(ReminderPlanner.COVER_WINDOW);
                    checkCloserChoice(in.policy().quietHours(), in.candidateZone(), want, r.dueAt(),
                            max(in.now(), want.minus(kind.maxAdvance())), limit, kind);
                }
                Instant expectedExpiry = kind == ReminderKind.DAY_BEFORE && next != null ? next.dueAt() : in.slotStart();
                assertThat(r.expiresAt()).isEqualTo(expectedExpiry);
            }
            for (SkippedReminder s : plan.skipped()) {
                if (s.kind() != kind || s.cause() != SkippedReminder.Cause.QUIET_HOURS) {
                    continue;
                }
                Instant from = max(in.now(), want.minus(kind.maxAdvance()));
                Instant to = next == null ? in.slotStart() : next.dueAt().minus(ReminderPlanner.COVER_WINDOW);
                assertThat(s.searchedFrom()).isEqualTo(from);
                assertThat(s.searchedTo()).isEqualTo(to);
                assertQuietThroughout(in.policy().quietHours(), in.candidateZone(), from, to, kind);
            }
        }
    }

    private static void checkAlert(PlanInput in, Map<ReminderKind, PlannedReminder> planned) {
        PlannedReminder alert = planned.get(ReminderKind.UNCONFIRMED_ALERT);
        if (alert == null) {
            return;
        }
        PlannedReminder lastPrompt = planned.values().stream().filter(PlannedReminder::withConfirmButtons)
                .max(Comparator.comparing(PlannedReminder::dueAt)).orElseThrow(() -> new AssertionError("alert without a prompt"));
        assertThat(alert.dueAt()).isAfterOrEqualTo(lastPrompt.dueAt().plus(ReminderPlanner.ANSWER_TIME));
        assertThat(alert.withConfirmButtons()).isFalse();
    }

    /**
     * Brute force: the nearest outside-quiet minutes before and after {@code want} within [lowest, limit); the one
     * chosen must not be farther than the other (a tie goes to the earlier).
     */
    private static void checkCloserChoice(QuietHours q, ZoneId zone, Instant want, Instant chosen, Instant lowest, Instant limit,
                                          ReminderKind kind) {
        Duration step = Duration.ofMinutes(1);
        Instant before = null;
        for (Instant t = want.minus(step); !t.isBefore(lowest); t = t.minus(step)) {
            if (!q.isQuiet(t, zone)) {
                before = t;
                break;
            }
        }
        Instant after = null;
        for (Instant t = want.plus(step); t.isBefore(limit); t = t.plus(step)) {
            if (!q.isQuiet(t, zone)) {
                after = t;
                break;
            }
        }
        Duration chosenDistance = Duration.between(chosen, want).abs();
        if (before != null) {
            Duration d = Duration.between(before, want);
            assertThat(chosen.isAfter(want) ? chosenDistance.compareTo(d) < 0 : chosenDistance.compareTo(d) <= 0)
                    .as("%s: %s chosen, but %s before %s is closer", kind, chosen, before, want).isTrue();
        }
        if (after != null) {
            assertThat(chosenDistance).as("%s: %s chosen, but %s after %s is closer", kind, chosen, after, want)
                    .isLessThanOrEqualTo(Duration.between(want, after));
        }
    }

    /** Every minute of [from, to) is quiet: there was no useful time to move the reminder to. */
    private static void assertQuietThroughout(QuietHours q, ZoneId zone, Instant from, Instant to, ReminderKind kind) {
        for (Instant t = from; t.isBefore(to); t = t.plus(Duration.ofMinutes(1))) {
            if (!q.isQuiet(t, zone)) {
                throw new AssertionError(kind + " skipped, but " + t + " (" + t.atZone(zone) + ") is outside quiet hours " + q);
            }
        }
    }

    @Property(tries = 2000)
    void quietRunsAreFoundAcrossClockChanges(@ForAll("zones") ZoneId zone, @ForAll("quietHours") QuietHours q, @ForAll("instants") Instant probe) {
        Instant quiet = firstQuietFrom(q, zone, probe);
        Instant start = q.runStart(quiet, zone);
        Instant end = q.runEnd(quiet, zone);
        assertThat(start).isBeforeOrEqualTo(quiet);
        assertThat(end).isAfter(quiet);
        assertThat(q.isQuiet(start.minusNanos(1), zone)).as("run starts at %s", start.atZone(zone)).isFalse();
        assertThat(q.isQuiet(end, zone)).as("run ends at %s", end.atZone(zone)).isFalse();
        for (Instant t = start; t.isBefore(end); t = t.plus(Duration.ofMinutes(7))) {
            if (!q.isQuiet(t, zone)) {
                throw new AssertionError(t.atZone(zone) + " is not quiet but inside the run " + start + ".." + end);
            }
        }
    }

    private static Instant firstQuietFrom(QuietHours q, ZoneId zone, Instant probe) {
        Instant t = probe;
        while (!q.isQuiet(t, zone)) {
            t = t.plus(Duration.ofMinutes(13));
        }
        return t;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZONES).map(ZoneId::of);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(FROM, TO).map(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<QuietHours> quietHours() {
        return Combinators.combine(Arbitraries.integers().between(0, 24 * 60 - 1), Arbitraries.integers().between(1, 16 * 60))
                .as((start, length) -> QuietHours.ofMinutes(start, (start + length) % (24 * 60)));
    }

    @Provide
    Arbitrary<PlanInput> inputs() {
        Arbitrary<ZoneId> zones = zones();
        Arbitrary<ZoneId> candidateZones = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, zones),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("Europe/Berlin", "America/New_York", "Europe/Moscow", "Asia/Novosibirsk",
                        "Australia/Lord_Howe", "America/Santiago", "Asia/Tehran").map(ZoneId::of)));
        Arbitrary<Long> ids = Arbitraries.longs().between(1, Long.MAX_VALUE / 2);
        Arbitrary<Integer> revisions = Arbitraries.integers().between(1, 50);
        Arbitrary<Long> leadSeconds = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(-3600, 5 * 24 * 3600)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, 3 * 3600)));
        return candidateZones.flatMap(candidateZone -> Combinators.combine(
                        slotStarts(candidateZone), zones, leadSeconds, policies(), Arbitraries.of(true, false), ids, revisions)
                .as((start, recruiterZone, lead, policy, confirmed, id, rev) -> new PlanInput(id, rev, start,
                        start.plus(Duration.ofMinutes(30)), candidateZone, recruiterZone, confirmed, policy, start.minusSeconds(lead))));
    }

    /** Whole-minute starts, half of them within two days of one of the zone's clock changes. */
    private static Arbitrary<Instant> slotStarts(ZoneId zone) {
        Arbitrary<Instant> anywhere = Arbitraries.longs().between(FROM / 60, TO / 60).map(m -> Instant.ofEpochSecond(m * 60));
        Arbitrary<Instant> nearChange = Combinators.combine(anywhere, Arbitraries.integers().between(-48 * 60, 48 * 60))
                .as((t, minutes) -> {
                    ZoneOffsetTransition next = zone.getRules().nextTransition(t);
                    return (next == null ? t : next.getInstant()).plus(Duration.ofMinutes(minutes));
                });
        return Arbitraries.oneOf(anywhere, nearChange);
    }

    @Provide
    Arbitrary<ReminderPolicy> policies() {
        Arbitrary<Integer> soon = Arbitraries.integers().between(5, 180);
        return soon.flatMap(ss -> Arbitraries.integers().between(ss + 30, ss + 30 + 24 * 60).flatMap(confirm -> Combinators.combine(
                Arbitraries.integers().between(confirm + 30, 72 * 60),
                Arbitraries.integers().between(5, confirm - 30),
                Arbitraries.of(true, false).list().ofSize(4),
                quietHours().injectNull(0.2))
                .as((day, alert, enabled, quiet) -> {
                    Map<ReminderKind, ReminderPolicy.KindSetting> kinds = new EnumMap<>(ReminderKind.class);
                    kinds.put(ReminderKind.STARTING_SOON, new ReminderPolicy.KindSetting(enabled.get(0), Duration.ofMinutes(ss)));
                    kinds.put(ReminderKind.CONFIRM_2H, new ReminderPolicy.KindSetting(enabled.get(1), Duration.ofMinutes(confirm)));
                    kinds.put(ReminderKind.DAY_BEFORE, new ReminderPolicy.KindSetting(enabled.get(2), Duration.ofMinutes(day)));
                    kinds.put(ReminderKind.UNCONFIRMED_ALERT, new ReminderPolicy.KindSetting(enabled.get(3), Duration.ofMinutes(alert)));
                    return ReminderPolicy.of(kinds, quiet == null ? QuietHours.DEFAULT : quiet, quiet != null);
                })));
    }

    @Property(tries = 300)
    void defaultPolicyUnconfirmedAndWellAheadAlwaysGetsAPrompt(@ForAll("zones") ZoneId zone, @ForAll("instants") Instant start) {
        Instant slot = Instant.ofEpochSecond(start.getEpochSecond() / 60 * 60);
        PlanInput in = new PlanInput(1, 1, slot, slot.plus(Duration.ofMinutes(30)), zone, zone, false, ReminderPolicy.defaults(),
                slot.minus(Duration.ofDays(3)));
        List<PlannedReminder> prompts = new ArrayList<>(ReminderPlanner.plan(in));
        prompts.removeIf(r -> !r.withConfirmButtons());
        assertThat(prompts).as("a 14-hour day always leaves room for a prompt, at %s", slot.atZone(zone)).isNotEmpty();
    }
}
