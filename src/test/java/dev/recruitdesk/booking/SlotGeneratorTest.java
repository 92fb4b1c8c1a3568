package dev.recruitdesk.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlotGeneratorTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private static SlotGenerator.Spec spec(LocalDate from, LocalDate to, Set<DayOfWeek> days, String dayStart, String dayEnd,
                                           String breakStart, String breakEnd, int length, int step, ZoneId zone) {
        return new SlotGenerator.Spec(from, to, days, LocalTime.parse(dayStart), LocalTime.parse(dayEnd),
                breakStart == null ? null : LocalTime.parse(breakStart), breakEnd == null ? null : LocalTime.parse(breakEnd),
                length, step, "https://meet.example/rd", zone);
    }

    private static List<String> localTimes(SlotGenerator.Generated g, ZoneId zone) {
        return g.drafts().stream().map(d -> d.start().atZone(zone).toLocalDateTime().toString()).toList();
    }

    @Test
    void weekdaysOnlyWithLunchBreakRestartingAtTheBreaksEnd() {
        // Mon 7 – Sun 13 Dec 2026; 10:00–13:00 and 14:00–16:00; 45-minute slots every 45 minutes (15:30 would end too late)
        SlotGenerator.Generated g = SlotGenerator.generate(spec(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 13), WEEKDAYS,
                "10:00", "16:00", "13:00", "14:00", 45, 45, MOSCOW));

        assertThat(g.drafts()).hasSize(5 * 6);
        assertThat(localTimes(g, MOSCOW).subList(0, 6)).containsExactly("2026-12-07T10:00", "2026-12-07T10:45",
                "2026-12-07T11:30", "2026-12-07T12:15", "2026-12-07T14:00", "2026-12-07T14:45");
        assertThat(localTimes(g, MOSCOW)).noneMatch(t -> t.startsWith("2026-12-12") || t.startsWith("2026-12-13"));
        assertThat(g.drafts()).allSatisfy(d -> {
            assertThat(d.duration()).isEqualTo(Duration.ofMinutes(45));
            assertThat(d.place()).isEqualTo("https://meet.example/rd");
        });
        assertThat(g.skippedClockChange()).isZero();
    }

    @Test
    void stepLongerThanTheSlotLeavesGapsAndTheLastSlotEndsByTheDaysEnd() {
        SlotGenerator.Generated g = SlotGenerator.generate(spec(LocalDate.of(2026, 12, 8), LocalDate.of(2026, 12, 8), WEEKDAYS,
                "09:00", "11:00", null, null, 30, 40, MOSCOW));
        assertThat(localTimes(g, MOSCOW)).containsExactly("2026-12-08T09:00", "2026-12-08T09:40", "2026-12-08T10:20");
    }

    @Test
    void wallClockTimesSurviveTheSpringAndAutumnClockChanges() {
        // Berlin: 29 Mar 2026 02:00 → 03:00; 25 Oct 2026 03:00 → 02:00
        Set<DayOfWeek> sunday = EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.SATURDAY);
        SlotGenerator.Generated spring = SlotGenerator.generate(spec(LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 29), sunday,
                "01:00", "04:00", null, null, 30, 30, BERLIN));
        // 02:00 and 02:30 do not exist on Sunday: left out and counted
        assertThat(spring.skippedClockChange()).isEqualTo(2);
        assertThat(localTimes(spring, BERLIN)).filteredOn(t -> t.startsWith("2026-03-29"))
                .containsExactly("2026-03-29T01:00", "2026-03-29T01:30", "2026-03-29T03:00", "2026-03-29T03:30");
        // Saturday's 09:00-style times are at +01:00, Sunday's after the change at +02:00
        assertThat(spring.drafts().get(spring.drafts().size() - 1).start())
                .isEqualTo(ZonedDateTime.of(LocalDateTime.parse("2026-03-29T03:30"), BERLIN).toInstant());

        SlotGenerator.Generated autumn = SlotGenerator.generate(spec(LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 25), sunday,
                "09:00", "10:00", null, null, 30, 30, BERLIN));
        assertThat(localTimes(autumn, BERLIN)).containsExactly("2026-10-25T09:00", "2026-10-25T09:30");
        assertThat(autumn.drafts().get(0).start().toString()).isEqualTo("2026-10-25T08:00:00Z");
    }

    @Test
    void badSpecsNameTheirField() {
        LocalDate d = LocalDate.of(2026, 12, 7);
        assertThatThrownBy(() -> SlotGenerator.generate(spec(d, d.minusDays(1), WEEKDAYS, "09:00", "10:00", null, null, 30, 30, MOSCOW)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.field()).isEqualTo("to"));
        assertThatThrownBy(() -> SlotGenerator.generate(spec(d, d, Set.of(), "09:00", "10:00", null, null, 30, 30, MOSCOW)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.field()).isEqualTo("weekdays"));
        assertThatThrownBy(() -> SlotGenerator.generate(spec(d, d, WEEKDAYS, "10:00", "09:00", null, null, 30, 30, MOSCOW)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.field()).isEqualTo("hours"));
        assertThatThrownBy(() -> SlotGenerator.generate(spec(d, d, WEEKDAYS, "09:00", "18:00", "14:00", "13:00", 30, 30, MOSCOW)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.field()).isEqualTo("break"));
        assertThatThrownBy(() -> SlotGenerator.generate(spec(d, d, WEEKDAYS, "09:00", "18:00", null, null, 3, 30, MOSCOW)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.field()).isEqualTo("length"));
        assertThatThrownBy(() -> SlotGenerator.generate(spec(d, d, WEEKDAYS, "09:00", "18:00", null, null, 30, 0, MOSCOW)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.field()).isEqualTo("step"));
        assertThatThrownBy(() -> SlotGenerator.generate(spec(d, d.plusYears(2), WEEKDAYS, "09:00", "18:00", null, null, 30, 30, MOSCOW)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("bulk.error.range"));
    }

    @Test
    void batchCheckSkipsPastTimesAndOverlapsWithExistingSlots() {
        SlotGenerator.Generated g = SlotGenerator.generate(spec(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 7), WEEKDAYS,
                "09:00", "12:00", null, null, 30, 30, MOSCOW));
        var now = ZonedDateTime.of(LocalDateTime.parse("2026-12-07T09:45"), MOSCOW).toInstant();
        var existing = List.of(new SlotBatch.Busy(ZonedDateTime.of(LocalDateTime.parse("2026-12-07T10:45"), MOSCOW).toInstant(),
                ZonedDateTime.of(LocalDateTime.parse("2026-12-07T11:15"), MOSCOW).toInstant()));
        List<SlotBatch.Verdict> v = SlotBatch.check(g.drafts(), existing, now);
        assertThat(v).extracting(SlotBatch.Verdict::problem).containsExactly(SlotBatch.Problem.PAST, SlotBatch.Problem.PAST,
                null, SlotBatch.Problem.OVERLAPS_EXISTING, SlotBatch.Problem.OVERLAPS_EXISTING, null);
    }
}
