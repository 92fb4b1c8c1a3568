package dev.recruitdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.accounts.TestCallers;
import dev.recruitdesk.booking.SlotRow;
import dev.recruitdesk.booking.TestBookings;
import dev.recruitdesk.delivery.OutgoingMessage;
import dev.recruitdesk.delivery.Regarding;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.Booking;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.DatabaseSettings;
import dev.recruitdesk.store.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --migrate-to} as an admin runs it: a real child process copying a used H2 home into PostgreSQL. */
class MigrateToProcessTest {

    private static final List<String> TABLES = List.of("recruiter", "candidate", "slot", "booking", "booking_event",
            "outbox_message", "delivery_attempt");

    @TempDir
    Path home;

    @Test
    void copiesEveryTableIntoAnEmptyPostgresAndRefusesASecondRun() throws Exception {
        Instant firstSlot = Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        long bookingId;
        try (Backend backend = AppContext.forHome(home, Clock.systemUTC()).openBackend()) {
            long me = backend.currentRecruiterId();
            Booking last = null;
            for (int i = 0; i < 5; i++) {
                SlotRow slot = backend.slots().create(TestCallers.ADMIN, me, firstSlot.plus(Duration.ofHours(i)), Duration.ofMinutes(30), "Room " + i);
                Candidate c = backend.candidates().create(TestCallers.ADMIN, "Кандидат " + i, "Europe/Moscow");
                last = backend.bookings().request(slot.id(), c.getId(), Actor.CANDIDATE);
                if (i % 2 == 0) {
                    TestBookings.approve(backend.bookings(), last.getId());
                }
                long candidateId = c.getId();
                long booking = last.getId();
                backend.database().run(s -> backend.outbox().enqueue(s, "invite:booking-" + booking, "invite",
                        Regarding.booking(candidateId, booking, 1), new OutgoingMessage(7_000 + candidateId, "Приглашение", null, null),
                        Instant.now(), null));
            }
            bookingId = last.getId();
            TestBookings.cancel(backend.bookings(), bookingId, Actor.RECRUITER, "moved");
        }
        Map<String, Long> before;
        try (Database h2 = Database.open(DatabaseSettings.embedded(home.resolve("data"))); Connection c = h2.dataSource().getConnection()) {
            before = counts(c);
        }
        assertThat(before.get("slot")).isEqualTo(5);
        assertThat(before.get("booking_event")).isGreaterThan(5);

        DatabaseSettings pg = TestDatabases.freshPostgres();
        ChildProcess.Result r = ChildProcess.run("--migrate-to", pg.url(), "--db-user", pg.user(), "--db-password", pg.password(),
                "--home", home.toString());

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).containsPattern("All \\d+ tables match").contains("db.url=" + pg.url()).contains("db.user=" + pg.user())
                .doesNotContain("db.password=" + pg.password());
        for (String table : TABLES) {
            assertThat(r.stdout()).containsPattern("  " + table + " +" + before.get(table) + " +" + before.get(table));
        }
        try (Database copy = Database.open(pg); Connection c = copy.dataSource().getConnection()) {
            assertThat(counts(c)).isEqualTo(before);
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT b.status, b.active_slot_id, s.place, s.start_at, k.name FROM booking b "
                         + "JOIN slot s ON s.id = b.slot_id JOIN candidate k ON k.id = b.candidate_id WHERE b.id = " + bookingId)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("CANCELLED");
                assertThat(rs.getObject(2)).isNull();
                assertThat(rs.getString(3)).isEqualTo("Room 4");
                assertThat(rs.getObject(4, java.time.OffsetDateTime.class).toInstant()).isEqualTo(firstSlot.plus(Duration.ofHours(4)));
                assertThat(rs.getString(5)).isEqualTo("Кандидат 4");
            }
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT text, status FROM outbox_message WHERE dedup_key = 'invite:booking-" + bookingId + "'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Приглашение");
            }
            // identity sequences continue after the copied ids: a new row gets the next id, not a duplicate
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("INSERT INTO recruiter (name, time_zone) VALUES ('New', 'UTC') RETURNING id")) {
                rs.next();
                assertThat(rs.getLong(1)).isGreaterThan(before.get("recruiter"));
            }
            c.commit();
        }

        ChildProcess.Result again = ChildProcess.run("--migrate-to", pg.url(), "--db-user", pg.user(), "--db-password", pg.password(),
                "--home", home.toString());
        assertThat(again.exitCode()).isEqualTo(Main.EXIT_TARGET_NOT_EMPTY);
        assertThat(again.stderr()).contains("Migration refused").contains("is not empty").contains("recruiter");
    }

    @Test
    void aHomeWithoutAnEmbeddedDatabaseHasNothingToMigrate() {
        DatabaseSettings pg = TestDatabases.freshPostgres();
        ChildProcess.Result r = ChildProcess.run("--migrate-to", pg.url(), "--db-user", pg.user(), "--home", home.toString());
        assertThat(r.exitCode()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(r.stderr()).contains("Nothing to migrate");
    }

    private static Map<String, Long> counts(Connection c) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table); ResultSet rs = ps.executeQuery()) {
                rs.next();
                counts.put(table, rs.getLong(1));
            }
        }
        return counts;
    }
}
