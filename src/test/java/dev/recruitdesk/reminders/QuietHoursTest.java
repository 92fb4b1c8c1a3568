package dev.recruitdesk.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void startIsQuietEndIsNot() {
        QuietHours q = QuietHours.DEFAULT;
        assertThat(q.contains(LocalTime.of(22, 0))).isTrue();
        assertThat(q.contains(LocalTime.of(21, 59, 59))).isFalse();
        assertThat(q.contains(LocalTime.of(7, 59))).isTrue();
        assertThat(q.contains(LocalTime.of(8, 0))).isFalse();
        QuietHours day = QuietHours.of(1, 0, 6, 0);
        assertThat(day.wrapsMidnight()).isFalse();
        assertThat(day.contains(LocalTime.of(0, 59))).isFalse();
        assertThat(day.contains(LocalTime.of(1, 0))).isTrue();
    }

    @Test
    void aQuietStartInsideTheSkippedHourBeginsAtTheTransition() {
        QuietHours q = QuietHours.of(2, 30, 6, 0);
        Instant fiveCest = Instant.parse("2026-03-29T03:00:00Z");
        assertThat(q.runStart(fiveCest, BERLIN)).as("02:00 CET jumps to 03:00 CEST at 01:00Z").isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
        assertThat(q.runEnd(fiveCest, BERLIN)).isEqualTo(Instant.parse("2026-03-29T04:00:00Z"));
    }

    @Test
    void aQuietEndInsideTheSkippedHourEndsAtTheTransition() {
        QuietHours q = QuietHours.of(22, 0, 2, 30);
        Instant halfPastMidnight = Instant.parse("2026-03-28T23:30:00Z");
        assertThat(q.runEnd(halfPastMidnight, BERLIN)).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
        assertThat(q.runStart(halfPastMidnight, BERLIN)).isEqualTo(Instant.parse("2026-03-28T21:00:00Z"));
    }

    @Test
    void theRepeatedHourIsQuietTwice() {
        QuietHours q = QuietHours.of(2, 0, 2, 30);
        // 02:00–02:30 CEST, then 02:00–02:30 CET after the clocks go back at 01:00Z
        Instant firstPass = Instant.parse("2026-10-25T00:10:00Z");
        assertThat(q.runStart(firstPass, BERLIN)).isEqualTo(Instant.parse("2026-10-25T00:00:00Z"));
        assertThat(q.runEnd(firstPass, BERLIN)).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        Instant secondPass = Instant.parse("2026-10-25T01:10:00Z");
        assertThat(q.runStart(secondPass, BERLIN)).isEqualTo(Instant.parse("2026-10-25T01:00:00Z"));
        assertThat(q.runEnd(secondPass, BERLIN)).isEqualTo(Instant.parse("2026-10-25T01:30:00Z"));
    }

    @Test
    void theLongAutumnNightLastsElevenHours() {
        Instant sevenCet = Instant.parse("2026-10-25T06:00:00Z");
        assertThat(QuietHours.DEFAULT.runStart(sevenCet, BERLIN)).isEqualTo(Instant.parse("2026-10-24T20:00:00Z"));
        assertThat(QuietHours.DEFAULT.runEnd(sevenCet, BERLIN)).isEqualTo(Instant.parse("2026-10-25T07:00:00Z"));
    }

    @Test
    void refusesEmptySwappedOrFractionalQuietHours() {
        assertThatThrownBy(() -> QuietHours.of(22, 0, 22, 0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("switch them off instead");
        assertThatThrownBy(() -> QuietHours.of(6, 0, 23, 0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("last 17 h").hasMessageContaining("swapped");
        assertThatThrownBy(() -> new QuietHours(LocalTime.of(22, 0, 30), LocalTime.of(8, 0))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("whole minutes");
        assertThatThrownBy(() -> QuietHours.ofMinutes(1440, 60)).isInstanceOf(InvalidInputException.class);
        assertThat(QuietHours.of(6, 0, 22, 0).length()).hasHours(16);
    }
}
