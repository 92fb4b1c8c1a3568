package dev.recruitdesk.ui.schedule;

import dev.recruitdesk.booking.SlotRow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Places a week's slots on the grid: day column, minutes of the local day (a slot running past midnight is cut at
 * the day's end) and side-by-side lanes for slots that overlap (closed or imported ones may). Pure and toolkit-free.
 */
final class CalendarLayout {

    static final int DAY_MINUTES = 24 * 60;

    /** What a slot looks like, given by the view model: state style and texts. */
    record Look(String stateStyle, String state, String title, String time, boolean movable) {
    }

    private CalendarLayout() {
    }

    static List<CalendarBlock> layout(List<SlotRow> rows, LocalDate weekStart, ZoneId zone, Function<SlotRow, Look> look) {
        List<List<CalendarBlock>> byDay = new ArrayList<>(7);
        for (int d = 0; d < 7; d++) {
            byDay.add(new ArrayList<>());
        }
        for (SlotRow row : rows) {
            ZonedDateTime start = row.start().atZone(zone);
            int day = (int) ChronoUnit.DAYS.between(weekStart, start.toLocalDate());
            if (day < 0 || day > 6) {
                continue;
            }
            int startMinute = start.getHour() * 60 + start.getMinute();
            int endMinute = endMinute(row.end(), start, zone);
            Look l = look.apply(row);
            byDay.get(day).add(new CalendarBlock(row, day, startMinute, Math.max(endMinute, startMinute + 1), 0, 1,
                    l.stateStyle(), l.state(), l.title(), l.time(), l.movable()));
        }
        List<CalendarBlock> out = new ArrayList<>(rows.size());
        for (List<CalendarBlock> day : byDay) {
            out.addAll(lanes(day));
        }
        return out;
    }

    private static int endMinute(Instant end, ZonedDateTime start, ZoneId zone) {
        ZonedDateTime e = end.atZone(zone);
        if (!e.toLocalDate().equals(start.toLocalDate())) {
            return DAY_MINUTES;
        }
        return e.getHour() * 60 + e.getMinute();
    }

    /** Greedy lanes per cluster of transitively overlapping blocks; every block of a cluster gets its lane count. */
    private static List<CalendarBlock> lanes(List<CalendarBlock> day) {
        day.sort(Comparator.comparingInt(CalendarBlock::startMinute).thenComparingInt(CalendarBlock::endMinute));
        List<CalendarBlock> out = new ArrayList<>(day.size());
        List<Integer> laneEnds = new ArrayList<>();
        List<int[]> cluster = new ArrayList<>();
        int clusterEnd = -1;
        for (int i = 0; i < day.size(); i++) {
            CalendarBlock b = day.get(i);
            if (b.startMinute() >= clusterEnd && !cluster.isEmpty()) {
                flush(day, cluster, laneEnds.size(), out);
                cluster.clear();
                laneEnds.clear();
            }
            int lane = 0;
            while (lane < laneEnds.size() && laneEnds.get(lane) > b.startMinute()) {
                lane++;
            }
            if (lane == laneEnds.size()) {
                laneEnds.add(b.endMinute());
            } else {
                laneEnds.set(lane, b.endMinute());
            }
            cluster.add(new int[] {i, lane});
            clusterEnd = Math.max(clusterEnd, b.endMinute());
        }
        flush(day, cluster, laneEnds.size(), out);
        return out;
    }

    private static void flush(List<CalendarBlock> day, List<int[]> cluster, int lanes, List<CalendarBlock> out) {
        for (int[] c : cluster) {
            CalendarBlock b = day.get(c[0]);
            out.add(new CalendarBlock(b.row(), b.day(), b.startMinute(), b.endMinute(), c[1], Math.max(lanes, 1),
                    b.stateStyle(), b.state(), b.title(), b.time(), b.movable()));
        }
    }
}
