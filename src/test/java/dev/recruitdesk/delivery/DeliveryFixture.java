package dev.recruitdesk.delivery;

import static org.awaitility.Awaitility.await;

import dev.recruitdesk.domain.Booking;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.DeliveryAttempt;
import dev.recruitdesk.domain.OutboxMessage;
import dev.recruitdesk.domain.OutboxStatus;
import dev.recruitdesk.domain.Recruiter;
import dev.recruitdesk.domain.Slot;
import dev.recruitdesk.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** One database with the delivery engine around it, and the shortcuts delivery tests share. */
final class DeliveryFixture implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    final Database db;
    final Clock clock;
    final OutboxSignal signal = new OutboxSignal();
    final Outbox outbox;
    final DeliveryOps ops;
    private final List<Dispatcher> dispatchers = new ArrayList<>();
    private final AtomicLong markers = new AtomicLong();

    DeliveryFixture(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.outbox = new Outbox(clock, signal);
        this.ops = new DeliveryOps(db, clock, signal);
    }

    /** Test settings: no pacing, deterministic back-off (exactly half the exponential delay), short idle cap. */
    static DispatcherSettings fastSettings() {
        return DispatcherSettings.defaults()
                .withPacing(0, Duration.ZERO)
                .withRetry(new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(10), 8, () -> 0.0));
    }

    Dispatcher start(Sender sender) {
        return start(sender, fastSettings());
    }

    Dispatcher start(Sender sender, DispatcherSettings settings) {
        Dispatcher d = new Dispatcher(db, sender, clock, settings, signal);
        dispatchers.add(d);
        d.start();
        return d;
    }

    /** Stops the dispatchers started so far, e.g. between two measured runs on one database. */
    void stopDispatchers() {
        dispatchers.forEach(Dispatcher::stop);
        dispatchers.clear();
    }

    EnqueueResult enqueue(String key, long chatId, String text) {
        return enqueue(key, "notice", Regarding.none(), chatId, text, clock.instant(), null);
    }

    EnqueueResult enqueue(String key, String kind, Regarding regarding, long chatId, String text, Instant due, Instant expires) {
        return db.inTransaction(s -> outbox.enqueue(s, key, kind, regarding, new OutgoingMessage(chatId, text, null, null), due, expires));
    }

    OutboxMessage message(String key) {
        return db.inTransaction(s -> s.createSelectionQuery("from OutboxMessage where dedupKey = :k", OutboxMessage.class)
                .setParameter("k", key)
                .getSingleResult());
    }

    OutboxStatus status(String key) {
        return message(key).getStatus();
    }

    List<DeliveryAttempt> ledger(String key) {
        return ops.attempts(message(key).getId());
    }

    long rows() {
        return db.inTransaction(s -> s.createSelectionQuery("select count(m) from OutboxMessage m", Long.class).getSingleResult());
    }

    void awaitStatus(String key, OutboxStatus status) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10)).until(() -> status(key) == status);
    }

    /**
     * Proves the dispatcher has looked at everything due before now: enqueues a marker to its own chat and waits
     * until it is sent (rows go out in due order, one after another).
     */
    void drain() {
        String key = "marker-" + markers.incrementAndGet();
        enqueue(key, 999_000L + markers.get(), "marker");
        awaitStatus(key, OutboxStatus.SENT);
    }

    /** A candidate with a Telegram chat and an APPROVED-able booking on a slot at {@code start}. */
    record BookingRef(long bookingId, long candidateId, long chatId, long recruiterId) {
    }

    BookingRef booking(Instant start, long chatId) {
        return db.inTransaction(s -> {
            Recruiter r = new Recruiter("Anna", ZoneId.of("Europe/Moscow"));
            s.persist(r);
            Candidate c = new Candidate("Ivan", ZoneId.of("Europe/Moscow"));
            c.bindTelegram(chatId, chatId, "ivan" + chatId);
            s.persist(c);
            Slot slot = new Slot(r.getId(), start, Duration.ofMinutes(30), "Zoom", clock.instant());
            s.persist(slot);
            Booking b = new Booking(slot.getId(), c.getId(), r.getId(), clock.instant());
            s.persist(b);
            return new BookingRef(b.getId(), c.getId(), chatId, r.getId());
        });
    }

    boolean reachable(long candidateId) {
        return db.inTransaction(s -> s.find(Candidate.class, candidateId).isReachable());
    }

    @Override
    public void close() {
        dispatchers.forEach(Dispatcher::stop);
        db.close();
    }
}
