package dev.recruitdesk.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.accounts.TestCallers;
import dev.recruitdesk.reminders.QuietHours;
import dev.recruitdesk.reminders.ReminderKind;
import dev.recruitdesk.reminders.ReminderPolicy;
import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.DatabaseSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReminderPolicyServiceTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    @Test
    void freshDatabaseGivesTheDefaults() {
        try (Database db = Database.open(DatabaseSettings.embedded(tmp))) {
            assertThat(new ReminderPolicyService(db, CLOCK).load()).isEqualTo(ReminderPolicy.defaults());
        }
    }

    @Test
    void savedPolicySurvivesARestartAndASecondSave() {
        ReminderPolicy custom = ReminderPolicy.defaults()
                .withOffset(ReminderKind.CONFIRM_2H, Duration.ofHours(3))
                .withEnabled(ReminderKind.STARTING_SOON, false)
                .withQuietHours(QuietHours.of(23, 0, 7, 30))
                .withQuietHoursEnabled(false);
        try (Database db = Database.open(DatabaseSettings.embedded(tmp))) {
            new ReminderPolicyService(db, CLOCK).save(TestCallers.ADMIN, custom);
        }
        try (Database db = Database.open(DatabaseSettings.embedded(tmp))) {
            ReminderPolicyService service = new ReminderPolicyService(db, CLOCK);
            ReminderPolicy loaded = service.load();
            assertThat(loaded).isEqualTo(custom);
            assertThat(loaded.quietHours()).as("kept while off").isEqualTo(QuietHours.of(23, 0, 7, 30));

            ReminderPolicy changed = loaded.withQuietHoursEnabled(true).withOffset(ReminderKind.DAY_BEFORE, Duration.ofHours(48));
            service.save(TestCallers.ADMIN, changed);
            assertThat(service.load()).isEqualTo(changed);
            long rows = db.inTransaction(s -> s.createNativeQuery("select count(*) from reminder_policy", Long.class).getSingleResult());
            assertThat(rows).isEqualTo(1);
        }
    }
}
