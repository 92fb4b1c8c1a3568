package dev.recruitdesk.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recruitdesk.MutableClock;
import dev.recruitdesk.accounts.TestCallers;
import dev.recruitdesk.domain.Recruiter;
import dev.recruitdesk.domain.Slot;
import dev.recruitdesk.domain.SlotStatus;
import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.DatabaseSettings;
import dev.recruitdesk.store.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The console's start reads its recruiter and first week with plain SQL while Hibernate has not booted
 * (Database.openBootingInBackground): the same rows as through Hibernate, on H2 and PostgreSQL, and Hibernate boots
 * only when something needs it.
 */
class FirstWeekWithoutHibernateTest {

    private static final Instant NOW = Instant.parse("2026-12-01T07:00:00Z");
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @TempDir
    static Path tmp;

    static Stream<String> databases() {
        return Stream.of("h2", "postgres");
    }

    private static DatabaseSettings settings(String kind) {
        return "h2".equals(kind) ? DatabaseSettings.embedded(tmp.resolve("h2-" + System.nanoTime())) : TestDatabases.freshPostgres();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void recruiterAndWeekAreReadWithoutBootingHibernate(String kind) {
        DatabaseSettings settings = settings(kind);
        MutableClock clock = new MutableClock(NOW);
        long recruiter;
        List<SlotRow> seen;
        Instant from = NOW;
        Instant to = NOW.plus(Duration.ofDays(7));
        try (Database seeding = Database.open(settings)) {
            RecruiterService recruiters = new RecruiterService(seeding, clock);
            recruiter = recruiters.ensureDefault("Anna", MOSCOW).getId();
            seeding.run(s -> s.find(Recruiter.class, recruiter).setMeetingLink("https://meet.example/anna"));
            SlotService slots = new SlotService(seeding, clock);
            slots.create(TestCallers.ADMIN, recruiter, NOW.plus(Duration.ofHours(3)), Duration.ofMinutes(45), "Room 3, \"east\"");
            slots.create(TestCallers.ADMIN, recruiter, NOW.plus(Duration.ofHours(1)), Duration.ofMinutes(30), null);
            long cancelled = slots.create(TestCallers.ADMIN, recruiter, NOW.plus(Duration.ofDays(2)), Duration.ofMinutes(30), null).id();
            seeding.run(s -> s.find(Slot.class, cancelled).setStatus(SlotStatus.CANCELLED));
            slots.create(TestCallers.ADMIN, recruiter, NOW.plus(Duration.ofDays(8)), Duration.ofMinutes(30), null); // next week
            seen = slots.list(TestCallers.ADMIN, recruiter, from, to);
        }
        assertThat(seen).extracting(SlotRow::place).containsExactly(null, "Room 3, \"east\"");

        try (Database db = Database.openBootingInBackground(settings)) {
            RecruiterService recruiters = new RecruiterService(db, clock);
            Recruiter me = recruiters.ensureDefault("Someone else", ZoneId.of("UTC"));
            assertThat(me.getId()).isEqualTo(recruiter);
            assertThat(me.getName()).isEqualTo("Anna");
            assertThat(me.getZone()).isEqualTo(MOSCOW);
            assertThat(me.getMeetingLink()).isEqualTo("https://meet.example/anna");
            assertThat(recruiters.get(recruiter).getMeetingLink()).isEqualTo("https://meet.example/anna");
            List<SlotRow> week = new SlotService(db, clock).list(TestCallers.ADMIN, recruiter, from, to);
            assertThat(week).isEqualTo(seen);
            assertThat(week).allSatisfy(row -> assertThat(row.status()).isEqualTo(SlotStatus.OPEN));
            assertThat(db.hibernateStarted()).as("reading the first week must not wait for Hibernate").isFalse();

            // the first use that needs Hibernate boots it and waits for it
            String name = db.inTransaction(s -> s.find(Recruiter.class, recruiter).getName());
            assertThat(name).isEqualTo("Anna");
            assertThat(db.hibernateStarted()).isTrue();
        }
    }

    @Test
    void unknownRecruiterIsRefusedByName() {
        try (Database db = Database.openBootingInBackground(settings("h2"))) {
            assertThatThrownBy(() -> new RecruiterService(db).get(424242)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("No recruiter 424242");
        }
    }

    @Test
    void databaseClosedBeforeHibernateBootedClosesAtOnceAndRefusesLaterUse() {
        Database db = Database.openBootingInBackground(settings("h2"));
        db.close();
        assertThatThrownBy(db::sessionFactory).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
