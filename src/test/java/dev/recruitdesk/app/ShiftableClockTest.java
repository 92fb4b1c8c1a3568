package dev.recruitdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ShiftableClockTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void shiftsMoveTimeForwardAndAZonedViewFollowsLaterShifts() {
        ShiftableClock clock = new ShiftableClock(Clock.fixed(T0, ZoneOffset.UTC));
        Clock moscow = clock.withZone(ZoneId.of("Europe/Moscow"));
        clock.shift(Duration.ofHours(2));
        assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(moscow.instant()).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(moscow.getZone()).isEqualTo(ZoneId.of("Europe/Moscow"));
        assertThat(clock.offset()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void neverMovesBackwards() {
        ShiftableClock clock = new ShiftableClock(Clock.fixed(T0, ZoneOffset.UTC));
        assertThatThrownBy(() -> clock.shift(Duration.ofMinutes(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.instant()).isEqualTo(T0);
    }
}
