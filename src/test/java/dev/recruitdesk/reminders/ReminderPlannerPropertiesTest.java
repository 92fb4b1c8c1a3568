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
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Invariants of the planner over random zones (all of the JDK's), slots near clock changes, policies and "now".
 * Plain JUnit with seeded generators: every run checks the same cases, and a failure names the case that broke.
 */
class ReminderPlannerPropertiesTest {

    private static final long SEED = 20261201L;

    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();
    private static final long FROM = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
    private static final long TO = Instant.parse("2040-01-01T00:00:00Z").getEpochSecond();

    @Test
    void everyPlanKeepsTheRules() {
        forAll(2000, ReminderPlannerPropertiesTest::input, ReminderPlannerPropertiesTest::checkPlan);
    }

    private static void checkPlan(PlanInput in) {
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

    /** A random zone, quiet period and moment. */
    private record QuietCase(ZoneId zone, QuietHours q, Instant probe) {
    }

    @Test
    void quietRunsAreFoundAcrossClockChanges() {
        forAll(2000, r -> new QuietCase(zone(r), quietHours(r), instant(r)), c -> checkQuietRun(c.zone(), c.q(), c.probe()));
    }

    private static void checkQuietRun(ZoneId zone, QuietHours q, Instant probe) {
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

    /** Runs {@code check} on {@code tries} generated cases; a failure says which case, by number and value. */
    private static <T> void forAll(int tries, Function<SplittableRandom, T> generate, Consumer<T> check) {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < tries; i++) {
            T value = generate.apply(random.split());
            try {
                check.accept(value);
            } catch (AssertionError e) {
                throw new AssertionError("case " + i + " of " + tries + " (seed " + SEED + "): " + value + "\n" + e.getMessage(), e);
            }
        }
    }

    private static ZoneId zone(SplittableRandom r) {
        return ZoneId.of(ZONES.get(r.nextInt(ZONES.size())));
    }

    private static Instant instant(SplittableRandom r) {
        return Instant.ofEpochSecond(r.nextLong(FROM, TO + 1));
    }

    private static QuietHours quietHours(SplittableRandom r) {
        int start = r.nextInt(0, 24 * 60);
        int length = r.nextInt(1, 16 * 60 + 1);
        return QuietHours.ofMinutes(start, (start + length) % (24 * 60));
    }

    private static final List<ZoneId> TRICKY_ZONES = List.of("Europe/Berlin", "America/New_York", "Europe/Moscow",
            "Asia/Novosibirsk", "Australia/Lord_Howe", "America/Santiago", "Asia/Tehran").stream().map(ZoneId::of).toList();

    private static PlanInput input(SplittableRandom r) {
        ZoneId candidateZone = r.nextInt(4) < 3 ? zone(r) : TRICKY_ZONES.get(r.nextInt(TRICKY_ZONES.size()));
        Instant start = slotStart(r, candidateZone);
        long lead = r.nextInt(4) < 3 ? r.nextLong(-3600, 5 * 24 * 3600 + 1) : r.nextLong(0, 3 * 3600 + 1);
        return new PlanInput(r.nextLong(1, Long.MAX_VALUE / 2), r.nextInt(1, 51), start, start.plus(Duration.ofMinutes(30)),
                candidateZone, zone(r), r.nextBoolean(), policy(r), start.minusSeconds(lead));
    }

    /** Whole-minute starts, half of them within two days of one of the zone's clock changes. */
    private static Instant slotStart(SplittableRandom r, ZoneId zone) {
        Instant anywhere = Instant.ofEpochSecond(r.nextLong(FROM / 60, TO / 60 + 1) * 60);
        if (r.nextBoolean()) {
            return anywhere;
        }
        ZoneOffsetTransition next = zone.getRules().nextTransition(anywhere);
        return (next == null ? anywhere : next.getInstant()).plus(Duration.ofMinutes(r.nextInt(-48 * 60, 48 * 60 + 1)));
    }

    private static ReminderPolicy policy(SplittableRandom r) {
        int soon = r.nextInt(5, 181);
        int confirm = r.nextInt(soon + 30, soon + 30 + 24 * 60 + 1);
        int day = r.nextInt(confirm + 30, 72 * 60 + 1);
        int alert = r.nextInt(5, confirm - 30 + 1);
        QuietHours quiet = r.nextInt(5) == 0 ? null : quietHours(r);
        Map<ReminderKind, ReminderPolicy.KindSetting> kinds = new EnumMap<>(ReminderKind.class);
        kinds.put(ReminderKind.STARTING_SOON, new ReminderPolicy.KindSetting(r.nextBoolean(), Duration.ofMinutes(soon)));
        kinds.put(ReminderKind.CONFIRM_2H, new ReminderPolicy.KindSetting(r.nextBoolean(), Duration.ofMinutes(confirm)));
        kinds.put(ReminderKind.DAY_BEFORE, new ReminderPolicy.KindSetting(r.nextBoolean(), Duration.ofMinutes(day)));
        kinds.put(ReminderKind.UNCONFIRMED_ALERT, new ReminderPolicy.KindSetting(r.nextBoolean(), Duration.ofMinutes(alert)));
        return ReminderPolicy.of(kinds, quiet == null ? QuietHours.DEFAULT : quiet, quiet != null);
    }

    /** A random zone and interview start. */
    private record StartCase(ZoneId zone, Instant start) {
    }

    @Test
    void defaultPolicyUnconfirmedAndWellAheadAlwaysGetsAPrompt() {
        forAll(300, r -> new StartCase(zone(r), instant(r)), c -> checkPromptPlanned(c.zone(), c.start()));
    }

    private static void checkPromptPlanned(ZoneId zone, Instant start) {
        Instant slot = Instant.ofEpochSecond(start.getEpochSecond() / 60 * 60);
        PlanInput in = new PlanInput(1, 1, slot, slot.plus(Duration.ofMinutes(30)), zone, zone, false, ReminderPolicy.defaults(),
                slot.minus(Duration.ofDays(3)));
        List<PlannedReminder> prompts = new ArrayList<>(ReminderPlanner.plan(in));
        prompts.removeIf(r -> !r.withConfirmButtons());
        assertThat(prompts).as("a 14-hour day always leaves room for a prompt, at %s", slot.atZone(zone)).isNotEmpty();
    }
}
