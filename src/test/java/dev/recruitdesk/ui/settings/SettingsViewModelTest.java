package dev.recruitdesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.MutableClock;
import dev.recruitdesk.accounts.TestCallers;
import dev.recruitdesk.booking.TestBookings;
import dev.recruitdesk.delivery.MessageQuery;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.OutboxMessage;
import dev.recruitdesk.domain.OutboxStatus;
import dev.recruitdesk.reminders.ReminderKind;
import dev.recruitdesk.reminders.ReminderPolicy;
import dev.recruitdesk.ui.AdminFixture;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.TaskRunner;
import dev.recruitdesk.ui.settings.SettingsStore.Setting;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Settings view model on a real H2 file: validation before any save, and re-planning of pending reminders. */
class SettingsViewModelTest {

    /** Tuesday 1 Dec 2026, 09:00 Moscow. */
    private static final Instant NOW = Instant.parse("2026-12-01T06:00:00Z");

    @TempDir
    Path tmp;
    private AdminFixture fx;
    private SettingsViewModel vm;

    @BeforeEach
    void setUp() {
        fx = new AdminFixture(tmp, new MutableClock(NOW));
        vm = new SettingsViewModel(fx.services(), fx.admin(null), TaskRunner.direct(), new I18n(Locale.ENGLISH));
        vm.load();
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void changingAReminderOffsetReplansPendingRemindersOfFutureBookingsAndResendsNothing() {
        Instant later = NOW.plus(Duration.ofDays(3));
        long farBooking = book("Иван Петров", 6_100_001L, later);
        Instant soon = NOW.plus(Duration.ofHours(20));
        long nearBooking = book("Ольга Морозова", 6_100_002L, soon);
        // the near booking's day-before reminder went out at once when it was approved
        OutboxMessage sentDayBefore = row(nearBooking, "reminder_day_before");
        fx.db.run(s -> s.createMutationQuery("update OutboxMessage m set m.status = :sent, m.sentAt = m.dueAt where m.id = :id")
                .setParameter("sent", OutboxStatus.SENT).setParameter("id", sentDayBefore.getId()).executeUpdate());
        OutboxMessage farDayBefore = row(farBooking, "reminder_day_before");
        assertThat(farDayBefore.getDueAt()).isEqualTo(later.minus(Duration.ofHours(24)));
        Map<String, Instant> before = dueTimes(farBooking);
        assertThat(vm.kind(ReminderKind.DAY_BEFORE).minutesProperty().get()).isEqualTo("1440");

        vm.kind(ReminderKind.DAY_BEFORE).minutesProperty().set("1500");
        vm.kind(ReminderKind.STARTING_SOON).enabledProperty().set(false);
        vm.save();

        assertThat(vm.formErrorProperty().get()).isEmpty();
        assertThat(vm.formMessageProperty().get()).isEqualTo("Settings saved.");
        assertThat(fx.policy.load().offset(ReminderKind.DAY_BEFORE)).isEqualTo(Duration.ofMinutes(1500));
        OutboxMessage moved = row(farBooking, "reminder_day_before");
        assertThat(moved.getId()).isEqualTo(farDayBefore.getId());
        assertThat(moved.getStatus()).isEqualTo(OutboxStatus.PENDING);
        assertThat(moved.getDueAt()).isEqualTo(later.minus(Duration.ofHours(25)));
        assertThat(row(farBooking, "reminder_confirm_2h").getDueAt()).isEqualTo(before.get("reminder_confirm_2h"));
        assertThat(row(farBooking, "reminder_starting_soon").getStatus()).isEqualTo(OutboxStatus.CANCELLED);
        // the near booking's reminder stays sent, nothing new was queued for it
        assertThat(row(nearBooking, "reminder_day_before").getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(fx.ops.list(MessageQuery.all().withBookingId(nearBooking)).stream()
                .filter(m -> m.getKind().equals("reminder_day_before"))).hasSize(1);
        assertThat(fx.ops.count(MessageQuery.all().withStatuses(Set.of(OutboxStatus.SENT)))).isEqualTo(1);
    }

    @Test
    void refusesInvalidValuesInlineWithThePolicysOwnMessagesAndSavesNothing() {
        vm.kind(ReminderKind.DAY_BEFORE).minutesProperty().set("1800");
        vm.kind(ReminderKind.CONFIRM_2H).minutesProperty().set("3");
        vm.value(Setting.BOOKING_HORIZON_DAYS).set("0");
        vm.value(Setting.TELEGRAM_API_URL).set("ftp://bots.example");
        vm.zoneProperty().set("Mars/Olympus");

        vm.save();

        assertThat(vm.kind(ReminderKind.CONFIRM_2H).errorProperty().get()).isEqualTo("Must be 5 minutes to 72 hours before the start (got 3 min).");
        assertThat(vm.errorProperty("booking.horizonDays").get()).isEqualTo("Enter whole days from 1 to 365.");
        assertThat(vm.errorProperty("telegram.apiUrl").get()).startsWith("Enter an address starting with http");
        assertThat(vm.errorProperty("zone").get()).isEqualTo("Unknown time zone: Mars/Olympus");
        assertThat(vm.formErrorProperty().get()).isEqualTo("Nothing was saved: fix the fields marked in red.");
        assertThat(fx.policy.load()).isEqualTo(ReminderPolicy.defaults());
        assertThat(fx.file).isEmpty();
        assertThat(fx.recruiters.get(fx.recruiter).getZone()).isEqualTo(ZoneId.of("Europe/Moscow"));

        vm.kind(ReminderKind.CONFIRM_2H).minutesProperty().set("1790");
        vm.value(Setting.BOOKING_HORIZON_DAYS).set("30");
        vm.value(Setting.TELEGRAM_API_URL).set("");
        vm.zoneProperty().set("Asia/Yekaterinburg");
        vm.save();
        assertThat(vm.kind(ReminderKind.CONFIRM_2H).errorProperty().get()).startsWith("day_before must come at least 30 minutes before confirm_2h");
        assertThat(fx.file).isEmpty();
    }

    @Test
    void savesBookingRulesProfileAndThemeAndTestsTheBot() {
        vm.autoApproveProperty().set(true);
        vm.value(Setting.BOOKING_MIN_NOTICE_MINUTES).set("120");
        vm.nameProperty().set("Анна Смирнова-Лебедева");
        vm.zoneProperty().set("Asia/Yekaterinburg");
        vm.meetingLinkProperty().set("https://meet.example.com/anna");
        vm.value(Setting.UI_THEME).set("dark");
        assertThat(fx.themes).containsExactly("dark");
        assertThat(fx.file).containsEntry(Setting.UI_THEME, "dark");

        vm.testConnection();
        assertThat(vm.testResultProperty().get()).isEqualTo("Connected: Test bot (@test_bot)");
        vm.value(Setting.UI_LANGUAGE).set("ru");
        vm.save();

        assertThat(vm.formMessageProperty().get()).startsWith("Settings saved. Bot, database and language changes take effect after a restart.");
        assertThat(fx.file).containsEntry(Setting.BOOKING_AUTO_APPROVE, "true").containsEntry(Setting.BOOKING_MIN_NOTICE_MINUTES, "120");
        assertThat(fx.recruiters.get(fx.recruiter).getName()).isEqualTo("Анна Смирнова-Лебедева");
        assertThat(fx.recruiters.get(fx.recruiter).getZone()).isEqualTo(ZoneId.of("Asia/Yekaterinburg"));
        assertThat(fx.recruiters.get(fx.recruiter).getMeetingLink()).isEqualTo("https://meet.example.com/anna");
    }

    private long book(String name, long chat, Instant start) {
        long candidate = fx.candidate(name, chat);
        long slot = fx.slots.create(TestCallers.ADMIN, fx.recruiter, start, Duration.ofMinutes(30), "https://meet.example/rd").id();
        long booking = fx.bookings.request(slot, candidate, Actor.CANDIDATE).getId();
        TestBookings.approve(fx.bookings, booking);
        return booking;
    }

    private OutboxMessage row(long booking, String kind) {
        List<OutboxMessage> rows = fx.ops.list(MessageQuery.all().withBookingId(booking).withKind(kind));
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private Map<String, Instant> dueTimes(long booking) {
        return fx.ops.list(MessageQuery.all().withBookingId(booking)).stream()
                .collect(Collectors.toMap(OutboxMessage::getKind, OutboxMessage::getDueAt));
    }
}
