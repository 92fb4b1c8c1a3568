package dev.recruitdesk.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.MutableClock;
import dev.recruitdesk.accounts.TestCallers;
import dev.recruitdesk.delivery.DeliveryOps;
import dev.recruitdesk.delivery.OutboxSignal;
import dev.recruitdesk.domain.OutboxStatus;
import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.TestDatabases;
import dev.recruitdesk.telegram.CallbackCodec;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue "Reminders and time" benchmark: approving 10,000 requested bookings in batches through the real use case
 * (state change, event row, approval message and every planned reminder composed and enqueued, all in one
 * transaction per batch) on an H2 file. Goal ≥ 1,000 bookings/s. Prints the figure and writes
 * target/bench/planning.json.
 */
@Tag("benchmark")
class PlanningBenchmark {

    private static final int BOOKINGS = 10_000;
    private static final int BATCH = 500;
    private static final Instant NOW = Instant.parse("2026-12-01T06:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void planAndEnqueueTenThousandApprovedBookings() throws Exception {
        MutableClock clock = new MutableClock(NOW);
        try (Database db = TestDatabases.h2(tmp)) {
            long recruiter = new RecruiterService(db).ensureDefault("Bench", ZoneId.of("Europe/Moscow")).getId();
            List<Long> ids = seedRequests(db, recruiter);
            BookingService bookings = TestBookings.service(db, clock, new OutboxSignal(), CallbackCodec.fromBase64Key(CallbackCodec.generateKey()));

            // the versions the console's Requests list loaded, read before the clock starts
            List<Map<Long, Long>> batches = new ArrayList<>();
            for (int i = 0; i < ids.size(); i += BATCH) {
                batches.add(TestBookings.versions(bookings, ids.subList(i, Math.min(ids.size(), i + BATCH))));
            }

            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpuStarted = threads.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            for (Map<Long, Long> seen : batches) {
                bookings.approveAll(TestCallers.ADMIN, seen);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            // H2 runs in this thread: its CPU time is the work itself, far less sensitive to a busy machine than seconds
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
            double perSecond = BOOKINGS / seconds;
            long queued = new DeliveryOps(db, clock, new OutboxSignal()).countsByState().getOrDefault(OutboxStatus.PENDING, 0L);

            String table = String.format(Locale.ROOT, "%n%-44s %12s %10s%n%-44s %12.0f %10s%n%-44s %12d%n%-44s %12.1f%n%-44s %12.1f%n",
                    "planning benchmark (H2 file)", "value", "goal",
                    "approved bookings planned + enqueued / s", perSecond, ">= 1000",
                    "outbox rows enqueued", queued,
                    "seconds for " + BOOKINGS, seconds,
                    "CPU seconds of the approving thread", cpuSeconds);
            System.out.println(table);
            Path out = Path.of("target", "bench");
            Files.createDirectories(out);
            Files.writeString(out.resolve("planning.json"), String.format(Locale.ROOT,
                    "{\"bookings\":%d,\"batch\":%d,\"seconds\":%.3f,\"cpuSeconds\":%.3f,\"bookingsPerSecond\":%.1f,\"outboxRows\":%d,\"goal\":1000}%n",
                    BOOKINGS, BATCH, seconds, cpuSeconds, perSecond, queued));
            assertThat(queued).isGreaterThanOrEqualTo(BOOKINGS);
        }
    }

    /** 10,000 candidates with Telegram chats, 10,000 slots 45 minutes apart, one requested booking on each. */
    private static List<Long> seedRequests(Database db, long recruiter) throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            try (PreparedStatement cand = c.prepareStatement(
                    "INSERT INTO candidate (id, telegram_user_id, chat_id, name, time_zone, reachable, language) VALUES (?, ?, ?, ?, 'Asia/Novosibirsk', TRUE, 'ru')");
                 PreparedStatement slot = c.prepareStatement(
                    "INSERT INTO slot (id, recruiter_id, start_at, end_at, place, status, created_at) VALUES (?, ?, ?, ?, 'https://meet.example/b', 'OPEN', ?)");
                 PreparedStatement booking = c.prepareStatement(
                    "INSERT INTO booking (id, slot_id, candidate_id, recruiter_id, status, revision, active_slot_id, active_candidate_key, created_at, updated_at) "
                            + "VALUES (?, ?, ?, ?, 'REQUESTED', 1, ?, ?, ?, ?)")) {
                Timestamp now = Timestamp.from(NOW);
                for (int i = 1; i <= BOOKINGS; i++) {
                    Instant start = NOW.plus(Duration.ofDays(3)).plus(Duration.ofMinutes(45L * i));
                    cand.setLong(1, i);
                    cand.setLong(2, 9_000_000L + i);
                    cand.setLong(3, 9_000_000L + i);
                    cand.setString(4, "Кандидат " + i);
                    cand.addBatch();
                    slot.setLong(1, i);
                    slot.setLong(2, recruiter);
                    slot.setTimestamp(3, Timestamp.from(start));
                    slot.setTimestamp(4, Timestamp.from(start.plus(Duration.ofMinutes(30))));
                    slot.setTimestamp(5, now);
                    slot.addBatch();
                    booking.setLong(1, i);
                    booking.setLong(2, i);
                    booking.setLong(3, i);
                    booking.setLong(4, recruiter);
                    booking.setLong(5, i);
                    booking.setString(6, i + ":" + recruiter);
                    booking.setTimestamp(7, now);
                    booking.setTimestamp(8, now);
                    booking.addBatch();
                }
                cand.executeBatch();
                slot.executeBatch();
                booking.executeBatch();
            }
            try (Statement st = c.createStatement()) {
                for (String table : List.of("candidate", "slot", "booking")) {
                    st.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + (BOOKINGS + 1));
                }
            }
            c.commit();
        }
        List<Long> ids = new ArrayList<>();
        for (long i = 1; i <= BOOKINGS; i++) {
            ids.add(i);
        }
        return ids;
    }
}
