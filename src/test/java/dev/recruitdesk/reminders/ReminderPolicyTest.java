package dev.recruitdesk.reminders;

import static dev.recruitdesk.reminders.ReminderKind.CONFIRM_2H;
import static dev.recruitdesk.reminders.ReminderKind.DAY_BEFORE;
import static dev.recruitdesk.reminders.ReminderKind.STARTING_SOON;
import static dev.recruitdesk.reminders.ReminderKind.UNCONFIRMED_ALERT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ReminderPolicyTest {

    static final ReminderPolicy DEFAULTS = ReminderPolicy.defaults();

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertThat(DEFAULTS.offset(DAY_BEFORE)).isEqualTo(Duration.ofHours(24));
        assertThat(DEFAULTS.offset(CONFIRM_2H)).isEqualTo(Duration.ofHours(2));
        assertThat(DEFAULTS.offset(STARTING_SOON)).isEqualTo(Duration.ofMinutes(10));
        assertThat(DEFAULTS.offset(UNCONFIRMED_ALERT)).isEqualTo(Duration.ofMinutes(60));
        assertThat(DEFAULTS.activeQuietHours()).contains(QuietHours.of(22, 0, 8, 0));
        assertThat(ReminderKind.values()).allMatch(DEFAULTS::isEnabled);
        assertThat(DEFAULTS).hasToString("ReminderPolicy[day_before=24 h, confirm_2h=2 h, starting_soon=10 min, unconfirmed_alert=1 h, quiet=22:00–08:00]");
    }

    @Test
    void offsetsAreBoundedFiveMinutesToThreeDays() {
        refused(() -> DEFAULTS.withOffset(STARTING_SOON, Duration.ofMinutes(4)), "starting_soon", "reminders.error.offsetRange",
                "must be 5 minutes to 72 hours before the start, got 4 min");
        refused(() -> DEFAULTS.withOffset(DAY_BEFORE, Duration.ofHours(73)), "day_before", "reminders.error.offsetRange", "got 73 h");
        refused(() -> DEFAULTS.withOffset(CONFIRM_2H, Duration.ofSeconds(5430)), "confirm_2h", "reminders.error.offsetMinutes", "whole minutes");
        assertThat(DEFAULTS.withOffset(DAY_BEFORE, Duration.ofHours(72)).offset(DAY_BEFORE)).isEqualTo(Duration.ofHours(72));
        assertThat(DEFAULTS.withOffset(STARTING_SOON, Duration.ofMinutes(5)).offset(STARTING_SOON)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void candidateRemindersKeepTheirOrderHalfAnHourApart() {
        refused(() -> DEFAULTS.withOffset(CONFIRM_2H, Duration.ofMinutes(30)), "starting_soon", "reminders.error.order",
                "confirm_2h (30 min before) must come at least 30 minutes before starting_soon (10 min before)");
        refused(() -> DEFAULTS.withOffset(DAY_BEFORE, Duration.ofHours(1)), "confirm_2h", "reminders.error.order",
                "day_before (1 h before) must come at least 30 minutes before confirm_2h");
        assertThat(DEFAULTS.withEnabled(CONFIRM_2H, false).withEnabled(UNCONFIRMED_ALERT, false).withOffset(CONFIRM_2H, Duration.ofMinutes(15)))
                .as("a switched-off kind is not checked").isNotNull();
    }

    @Test
    void recruiterAlertLeavesTheCandidateTimeToAnswer() {
        refused(() -> DEFAULTS.withOffset(UNCONFIRMED_ALERT, Duration.ofMinutes(100)), "unconfirmed_alert", "reminders.error.alertOrder",
                "must come at least 30 minutes after confirm_2h (2 h before)");
        ReminderPolicy noPrompt2h = DEFAULTS.withEnabled(CONFIRM_2H, false).withOffset(UNCONFIRMED_ALERT, Duration.ofHours(5));
        assertThat(noPrompt2h.offset(UNCONFIRMED_ALERT)).as("measured against the day-before prompt").isEqualTo(Duration.ofHours(5));
    }

    @Test
    void quietHoursCanBeChangedOrSwitchedOffAndKeepTheirTimes() {
        ReminderPolicy late = DEFAULTS.withQuietHours(QuietHours.of(23, 30, 7, 0));
        assertThat(late.activeQuietHours()).contains(QuietHours.of(23, 30, 7, 0));
        ReminderPolicy off = late.withQuietHoursEnabled(false);
        assertThat(off.activeQuietHours()).isEmpty();
        assertThat(off.withQuietHoursEnabled(true)).isEqualTo(late);
        assertThat(off).isNotEqualTo(late);
    }

    private static void refused(ThrowingCallable call, String field, String key, String message) {
        assertThatThrownBy(call).isInstanceOf(InvalidInputException.class).hasMessageContaining(message)
                .satisfies(e -> {
                    InvalidInputException ie = (InvalidInputException) e;
                    assertThat(ie.field()).isEqualTo(field);
                    assertThat(ie.messageKey()).isEqualTo(key);
                });
    }
}
