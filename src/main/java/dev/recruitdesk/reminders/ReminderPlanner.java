package dev.recruitdesk.reminders;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Decides which reminders a booking revision gets and when: a pure function of its {@link PlanInput}, so the
 * booking use cases can enqueue the result in the same transaction as the change that caused it.
 *
 * <ul>
 * <li><b>Offsets</b> are durations before the start instant; across a clock change the wall-clock time of a
 * reminder shifts by the change (24 h before 10:00 on the spring-forward day is 09:00 the day before).</li>
 * <li><b>At once</b>: a reminder whose time has passed when planning (approval inside its window) is due now,
 * unless a later kind covers it.</li>
 * <li><b>Coverage</b>: a candidate reminder due less than {@link #COVER_WINDOW} before the next planned candidate
 * reminder is left out (approved 90 min before → the 2-hour prompt now, no day-before message).</li>
 * <li><b>Quiet hours</b>, [start, end) in the recipient's zone (the candidate's, the recruiter's for the alert):
 * a reminder due inside moves either to the last minute before the quiet period began (21:59 for 22:00) or to its
 * end (08:00), whichever is closer to the intended time (the earlier on a tie, to leave time to react). The earlier
 * choice must be after {@code now} and at most the kind's {@link ReminderKind#maxAdvance()} early; the later one
 * must be before the expiry and outside the cover window. With neither, the reminder is skipped.</li>
 * <li><b>Confirmed</b> candidate: no 2-hour prompt and no recruiter alert; the day-before message comes without
 * buttons.</li>
 * <li><b>Recruiter alert</b>: only with a prompt planned, and not before {@link #ANSWER_TIME} after the last one.</li>
 * </ul>
 */
public final class ReminderPlanner {

    /** A candidate reminder this close before a later planned one is redundant. */
    public static final Duration COVER_WINDOW = Duration.ofMinutes(30);
    /** Time the candidate gets to answer a prompt before the recruiter is alerted. */
    public static final Duration ANSWER_TIME = Duration.ofMinutes(30);
    /** "The evening before" means this long before quiet hours begin: 21:59 for 22:00. */
    public static final Duration BEFORE_QUIET = Duration.ofMinutes(1);

    private static final List<ReminderKind> CANDIDATE_KINDS_LATEST_FIRST =
            List.of(ReminderKind.STARTING_SOON, ReminderKind.CONFIRM_2H, ReminderKind.DAY_BEFORE);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ReminderPlanner() {
    }

    /** The reminders to enqueue for one booking revision, in due order. */
    public static List<PlannedReminder> plan(PlanInput in) {
        return decide(in).planned();
    }

    /**
     * Plans many bookings, handing each reminder to {@code sink} (e.g. an enqueue in a batch transaction), and
     * returns how many there were. The hook for the "plan + enqueue N bookings/s" benchmark.
     */
    public static int planAll(Iterable<PlanInput> inputs, Consumer<? super PlannedReminder> sink) {
        int count = 0;
        for (PlanInput in : inputs) {
            for (PlannedReminder r : plan(in)) {
                sink.accept(r);
                count++;
            }
        }
        return count;
    }

    /** The plan with the reminders left out and why, for the log. */
    public static ReminderPlan decide(PlanInput in) {
        Map<ReminderKind, PlannedReminder> planned = new EnumMap<>(ReminderKind.class);
        List<SkippedReminder> skipped = new ArrayList<>();
        ReminderPolicy policy = in.policy();

        PlannedReminder next = null;
        for (ReminderKind kind : CANDIDATE_KINDS_LATEST_FIRST) {
            String key = kind.dedupKey(in.bookingId(), in.revision());
            if (!policy.isEnabled(kind)) {
                skipped.add(skip(kind, key, SkippedReminder.Cause.DISABLED, "switched off in the policy"));
                continue;
            }
            if (kind == ReminderKind.CONFIRM_2H && in.candidateConfirmed()) {
                skipped.add(skip(kind, key, SkippedReminder.Cause.ALREADY_CONFIRMED, "the candidate has already confirmed"));
                continue;
            }
            Instant expiresAt = kind == ReminderKind.DAY_BEFORE && next != null ? next.dueAt() : in.slotStart();
            Slot slot = new Slot(kind, key, in.slotStart().minus(policy.offset(kind)), in.now(), expiresAt,
                    next == null ? null : next.dueAt().minus(COVER_WINDOW), next == null ? null : next.kind());
            PlannedReminder placed = place(in, slot, kind.isPrompt() && !in.candidateConfirmed(), skipped);
            if (placed != null) {
                planned.put(kind, placed);
                next = placed;
            }
        }
        planAlert(in, planned, skipped);

        List<PlannedReminder> ordered = new ArrayList<>(planned.values());
        ordered.sort(Comparator.comparing(PlannedReminder::dueAt).thenComparing(PlannedReminder::kind));
        return new ReminderPlan(ordered, skipped);
    }

    private static void planAlert(PlanInput in, Map<ReminderKind, PlannedReminder> planned, List<SkippedReminder> skipped) {
        ReminderKind kind = ReminderKind.UNCONFIRMED_ALERT;
        String key = kind.dedupKey(in.bookingId(), in.revision());
        if (!in.policy().isEnabled(kind)) {
            skipped.add(skip(kind, key, SkippedReminder.Cause.DISABLED, "switched off in the policy"));
            return;
        }
        if (in.candidateConfirmed()) {
            skipped.add(skip(kind, key, SkippedReminder.Cause.ALREADY_CONFIRMED, "the candidate has already confirmed"));
            return;
        }
        Optional<PlannedReminder> lastPrompt = planned.values().stream()
                .filter(PlannedReminder::withConfirmButtons)
                .max(Comparator.comparing(PlannedReminder::dueAt));
        if (lastPrompt.isEmpty()) {
            skipped.add(skip(kind, key, SkippedReminder.Cause.NO_PROMPT, "no confirmation prompt is planned, so the candidate is never asked"));
            return;
        }
        Instant notBefore = later(in.now(), lastPrompt.get().dueAt().plus(ANSWER_TIME));
        PlannedReminder placed = place(in, new Slot(kind, key, in.slotStart().minus(in.policy().offset(kind)), notBefore,
                in.slotStart(), null, null), false, skipped);
        if (placed != null) {
            planned.put(kind, placed);
        }
    }

    /** Where one reminder may go: its intended time, the earliest and latest acceptable times, and what covers it. */
    private record Slot(ReminderKind kind, String key, Instant nominal, Instant notBefore, Instant expiresAt,
                        Instant coverLimit, ReminderKind coveredBy) {

        /** True when {@code t} is before the expiry and outside the cover window. */
        boolean fits(Instant t) {
            return t.isBefore(expiresAt) && (coverLimit == null || !t.isAfter(coverLimit));
        }

        Instant latest() {
            return coverLimit != null && coverLimit.isBefore(expiresAt) ? coverLimit : expiresAt;
        }
    }

    private static PlannedReminder place(PlanInput in, Slot slot, boolean buttons, List<SkippedReminder> skipped) {
        ReminderKind kind = slot.kind();
        Instant now = in.now();
        Instant want = later(slot.nominal(), slot.notBefore());
        // before the expiry checks: the day-before message's expiry is the covering reminder's due time
        if (slot.coverLimit() != null && want.isAfter(slot.coverLimit())) {
            skipped.add(skip(kind, slot.key(), SkippedReminder.Cause.COVERED, "covered by " + slot.coveredBy().keyName()
                    + " due " + slot.coverLimit().plus(COVER_WINDOW) + ", less than " + COVER_WINDOW.toMinutes() + " min after " + want));
            return null;
        }
        if (!slot.expiresAt().isAfter(now)) {
            skipped.add(skip(kind, slot.key(), SkippedReminder.Cause.EXPIRED, "expired at " + slot.expiresAt() + ", before planning"));
            return null;
        }
        if (!want.isBefore(slot.expiresAt())) {
            skipped.add(skip(kind, slot.key(), SkippedReminder.Cause.EXPIRED,
                    "earliest useful time " + want + " is not before its expiry " + slot.expiresAt()));
            return null;
        }
        ZoneId zone = in.zoneOf(kind.recipient());
        Optional<QuietHours> active = in.policy().activeQuietHours();
        PlannedReminder.Timing timing = want.equals(slot.nominal()) ? PlannedReminder.Timing.ON_TIME
                : want.equals(now) ? PlannedReminder.Timing.AT_ONCE : PlannedReminder.Timing.AFTER_ANSWER_TIME;
        if (active.isEmpty() || !active.get().isQuiet(want, zone)) {
            return new PlannedReminder(kind, kind.recipient(), slot.key(), want, slot.expiresAt(), buttons, timing, want, zone);
        }
        QuietHours quiet = active.get();
        Instant lowest = later(slot.notBefore(), want.minus(kind.maxAdvance()));
        Instant earlier = earlierOption(quiet, want, zone, lowest);
        Instant afterwards = quiet.runEnd(want, zone);
        if (afterwards != null && (!slot.fits(afterwards) || quiet.isQuiet(afterwards, zone))) {
            afterwards = null;
        }
        Instant chosen = choose(want, earlier, afterwards);
        if (chosen == null) {
            skipped.add(new SkippedReminder(kind, slot.key(), SkippedReminder.Cause.QUIET_HOURS, "quiet hours " + quiet + " "
                    + zone.getId() + ": intended " + local(want, zone) + ", and " + local(lowest, zone) + " to "
                    + local(slot.latest(), zone) + " is quiet throughout", lowest, slot.latest()));
            return null;
        }
        return new PlannedReminder(kind, kind.recipient(), slot.key(), chosen, slot.expiresAt(), buttons, timing, want, zone);
    }

    /** The last minute before the quiet run around {@code want} began, or right now if that minute has passed. */
    private static Instant earlierOption(QuietHours quiet, Instant want, ZoneId zone, Instant lowest) {
        Instant runStart = quiet.runStart(want, zone);
        if (runStart == null || !lowest.isBefore(runStart)) {
            return null;
        }
        Instant candidate = later(runStart.minus(BEFORE_QUIET), lowest);
        return quiet.isQuiet(candidate, zone) ? null : candidate;
    }

    private static Instant choose(Instant want, Instant earlier, Instant afterwards) {
        if (earlier == null || afterwards == null) {
            return earlier != null ? earlier : afterwards;
        }
        Duration early = Duration.between(earlier, want);
        Duration late = Duration.between(want, afterwards);
        return late.compareTo(early) < 0 ? afterwards : earlier;
    }



    private static SkippedReminder skip(ReminderKind kind, String key, SkippedReminder.Cause cause, String reason) {
        return new SkippedReminder(kind, key, cause, reason, null, null);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String local(Instant t, ZoneId zone) {
        return LOCAL.format(t.atZone(zone));
    }
}
