package dev.recruitdesk.booking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a batch of drafts against the rules {@link SlotService#create} applies one by one: not in the past, no
 * overlap with the recruiter's open slots, no overlap with an earlier draft of the same batch. Pure, so previews
 * and the transaction's own re-check say the same thing.
 */
public final class SlotBatch {

    /** Why a draft cannot be created. */
    public enum Problem { PAST, OVERLAPS_EXISTING, OVERLAPS_BATCH }

    /** Time the recruiter is already busy with (an open slot). */
    public record Busy(Instant start, Instant end) {
    }

    /**
     * The verdict on one draft, in the order given. {@code problem} is null for a draft that can be created;
     * {@code clashIndex} is the earlier draft it overlaps (OVERLAPS_BATCH), {@code clash} the busy time it overlaps.
     */
    public record Verdict(SlotDraft draft, Problem problem, Busy clash, int clashIndex) {
        public boolean ok() {
            return problem == null;
        }
    }

    private SlotBatch() {
    }

    public static List<Verdict> check(List<SlotDraft> drafts, List<Busy> existing, Instant now) {
        BusyIndex busy = new BusyIndex(existing);
        TreeMap<Instant, Integer> accepted = new TreeMap<>();
        List<Verdict> out = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            SlotDraft d = drafts.get(i);
            if (!d.start().isAfter(now)) {
                out.add(new Verdict(d, Problem.PAST, null, -1));
                continue;
            }
            Busy clash = busy.firstOverlap(d.start(), d.end());
            if (clash != null) {
                out.add(new Verdict(d, Problem.OVERLAPS_EXISTING, clash, -1));
                continue;
            }
            // accepted drafts never overlap each other, so only the latest one starting before this end can clash
            Map.Entry<Instant, Integer> before = accepted.lowerEntry(d.end());
            if (before != null && drafts.get(before.getValue()).end().isAfter(d.start())) {
                SlotDraft other = drafts.get(before.getValue());
                out.add(new Verdict(d, Problem.OVERLAPS_BATCH, new Busy(other.start(), other.end()), before.getValue()));
                continue;
            }
            accepted.put(d.start(), i);
            out.add(new Verdict(d, null, null, -1));
        }
        return out;
    }

    /** Busy times sorted by start with a running maximum of ends: overlap lookups in O(log n + hits). */
    private static final class BusyIndex {
        private final Busy[] sorted;
        private final Instant[] maxEnd;

        BusyIndex(List<Busy> busy) {
            sorted = busy.toArray(Busy[]::new);
            java.util.Arrays.sort(sorted, Comparator.comparing(Busy::start));
            maxEnd = new Instant[sorted.length];
            for (int i = 0; i < sorted.length; i++) {
                maxEnd[i] = i == 0 || sorted[i].end().isAfter(maxEnd[i - 1]) ? sorted[i].end() : maxEnd[i - 1];
            }
        }

        Busy firstOverlap(Instant start, Instant end) {
            int lo = 0;
            int hi = sorted.length - 1;
            int last = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid].start().isBefore(end)) {
                    last = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            Busy found = null;
            for (int i = last; i >= 0 && maxEnd[i].isAfter(start); i--) {
                if (sorted[i].end().isAfter(start)) {
                    found = sorted[i];
                }
            }
            return found;
        }
    }
}
