package dev.recruitdesk.bench;

import dev.recruitdesk.app.AppContext;
import dev.recruitdesk.app.Backend;
import dev.recruitdesk.domain.Recruiter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * Fills a home folder's database with {@code count} slots for the console's recruiter, 500 a week around the
 * current week (10-minute slots from 08:00 every day, every 10th closed, every 3rd with a video link), in
 * batched JDBC through the real start path (configuration, Flyway, the default recruiter). Refuses a database
 * that already has slots, so a real home is never padded by mistake.
 */
public final class SlotSeeder {

    static final int PER_WEEK = 500;
    private static final int PER_DAY = 72;

    private SlotSeeder() {
    }

    /** Returns the number of slots written. */
    public static int seed(AppContext context, int count) {
        try (Backend backend = context.openBackend()) {
            Recruiter me = backend.recruiters().get(backend.currentRecruiterId());
            ZoneId zone = me.getZone();
            LocalDate thisMonday = context.clock().instant().atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            int weeks = (count + PER_WEEK - 1) / PER_WEEK;
            LocalDate firstMonday = thisMonday.minusWeeks(weeks / 2);
            Timestamp created = Timestamp.from(context.clock().instant());
            try (Connection c = backend.database().dataSource().getConnection()) {
                try (var check = c.createStatement(); var rs = check.executeQuery("select count(*) from slot")) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        throw new IllegalStateException("the database already has " + rs.getLong(1) + " slots");
                    }
                }
                try (PreparedStatement insert = c.prepareStatement(
                        "insert into slot (recruiter_id, start_at, end_at, place, status, created_at, version) values (?, ?, ?, ?, ?, ?, 0)")) {
                    for (int i = 0; i < count; i++) {
                        int inWeek = i % PER_WEEK;
                        ZonedDateTime start = firstMonday.plusWeeks(i / PER_WEEK).plusDays(inWeek / PER_DAY)
                                .atTime(8, 0).plusMinutes(10L * (inWeek % PER_DAY)).atZone(zone);
                        Instant from = start.toInstant();
                        insert.setLong(1, me.getId());
                        insert.setObject(2, from.atOffset(java.time.ZoneOffset.UTC));
                        insert.setObject(3, from.plusSeconds(600).atOffset(java.time.ZoneOffset.UTC));
                        insert.setString(4, i % 3 == 0 ? "https://meet.example.org/rd-" + i : "Room " + (i % 7 + 1));
                        insert.setString(5, i % 10 == 0 ? "CLOSED" : "OPEN");
                        insert.setTimestamp(6, created);
                        insert.addBatch();
                        if (i % 500 == 499) {
                            insert.executeBatch();
                        }
                    }
                    insert.executeBatch();
                }
                c.commit();
            } catch (SQLException e) {
                throw new IllegalStateException("seeding failed: " + e.getMessage(), e);
            }
            return count;
        }
    }

    /** {@code --bench-seed --home DIR [--slots N]}: prints {@code seeded slots=N home=DIR}. */
    static int main(String[] args) {
        java.nio.file.Path home = null;
        int count = 5000;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--home" -> home = java.nio.file.Path.of(args[++i]);
                case "--slots" -> count = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("--bench-seed: unknown option " + args[i]);
            }
        }
        if (home == null) {
            throw new IllegalArgumentException("--bench-seed needs --home DIR");
        }
        home = home.toAbsolutePath().normalize();
        System.setProperty("recruitdesk.logDir", home.resolve("logs").toString());
        int written = seed(AppContext.forHome(home, Clock.systemUTC()), count);
        System.out.println("seeded slots=" + written + " home=" + home);
        return 0;
    }
}
