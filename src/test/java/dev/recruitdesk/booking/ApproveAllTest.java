package dev.recruitdesk.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recruitdesk.MutableClock;
import dev.recruitdesk.accounts.AuditLog;
import dev.recruitdesk.accounts.TestCallers;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.AuditEntry;
import dev.recruitdesk.domain.Booking;
import dev.recruitdesk.domain.BookingEvent;
import dev.recruitdesk.domain.BookingStatus;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.OutboxMessage;
import dev.recruitdesk.domain.OutboxStatus;
import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link BookingService#approveAll}: the batch path must end exactly where approving one by one would. */
class ApproveAllTest {

    private static final Instant NOW = Instant.parse("2026-12-01T06:00:00Z");

    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(NOW);
    private Database db;
    private BookingService bookings;
    private long recruiter;
    private int slotsMade;

    @BeforeEach
    void open() {
        db = TestDatabases.h2(tmp);
        bookings = TestBookings.service(db, clock);
        recruiter = new RecruiterService(db).ensureDefault("Anna", ZoneId.of("Europe/Moscow")).getId();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void batchGivesEveryBookingTheMessagesApprovingItAloneWould() {
        long alone = request("Ivan");
        List<Long> batch = List.of(request("Olga"), request("Petr"), request("Maria"));

        TestBookings.approve(bookings, alone);
        List<Booking> approved = bookings.approveAll(TestCallers.ADMIN, TestBookings.versions(bookings, batch));

        assertThat(approved).extracting(Booking::getStatus).containsOnly(BookingStatus.APPROVED);
        List<String> aloneKinds = messages(alone).stream().map(m -> m.getKind() + "/" + m.getStatus()).sorted().toList();
        assertThat(aloneKinds).hasSize(4); // the approval and three reminders: the slots are days ahead
        for (long id : batch) {
            assertThat(messages(id).stream().map(m -> m.getKind() + "/" + m.getStatus()).sorted().toList()).isEqualTo(aloneKinds);
            assertThat(messages(id)).allSatisfy(m -> assertThat(m.getDedupKey()).contains(":booking-" + id + ":rev-1"));
            assertThat(bookings.history(id)).extracting(BookingEvent::getToStatus)
                    .containsExactly(BookingStatus.REQUESTED, BookingStatus.APPROVED);
            List<AuditEntry> audit = db.inTransaction(s -> new AuditLog(clock).of(s, "booking", id, 10));
            assertThat(audit).singleElement().satisfies(a -> {
                assertThat(a.getAction()).isEqualTo("booking.approve");
                assertThat(a.getActorName()).isEqualTo(TestCallers.ADMIN.name());
                assertThat(a.getBefore()).startsWith("REQUESTED rev 1 slot ");
                assertThat(a.getAfter()).startsWith("APPROVED rev 1 slot ");
            });
        }
    }

    @Test
    void reapprovalInABatchAfterTheMessagesWentOutQueuesNothingNew() {
        long first = request("Ivan");
        TestBookings.approve(bookings, first);
        markAllSent(first);
        Map<String, Instant> sentBefore = messages(first).stream().collect(Collectors.toMap(OutboxMessage::getDedupKey, OutboxMessage::getUpdatedAt));
        long second = request("Olga");
        clock.advance(Duration.ofMinutes(1)); // a refresh would show as a new updated_at

        bookings.approveAll(TestCallers.ADMIN, TestBookings.versions(bookings, List.of(first, second)));

        assertThat(messages(first)).hasSize(sentBefore.size()).allSatisfy(m -> {
            assertThat(m.getStatus()).isEqualTo(OutboxStatus.SENT);
            assertThat(m.getUpdatedAt()).isEqualTo(sentBefore.get(m.getDedupKey()));
        });
        assertThat(bookings.history(first)).hasSize(2);
        assertThat(messages(second)).hasSize(4).allSatisfy(m -> assertThat(m.getStatus()).isEqualTo(OutboxStatus.PENDING));
    }

    @Test
    void oneRefusalRollsBackTheWholeBatch() {
        long fine = request("Ivan");
        long declined = request("Olga");
        TestBookings.approve(bookings, declined);
        bookings.decline(declined, "ill");
        int declinedMessages = messages(declined).size();

        assertThatThrownBy(() -> bookings.approveAll(TestCallers.ADMIN, TestBookings.versions(bookings, List.of(fine, declined))))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("booking.error.transition"));

        assertThat(bookings.find(fine).getStatus()).isEqualTo(BookingStatus.REQUESTED);
        assertThat(messages(fine)).isEmpty();
        assertThat(bookings.history(fine)).hasSize(1);
        assertThat(messages(declined)).hasSize(declinedMessages);
    }

    @Test
    void unknownBookingInTheBatchIsRefusedAndNothingIsApproved() {
        long fine = request("Ivan");

        assertThatThrownBy(() -> bookings.approveAll(TestCallers.ADMIN, unknownAfter(fine)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("booking.error.gone"));

        assertThat(bookings.find(fine).getStatus()).isEqualTo(BookingStatus.REQUESTED);
        assertThat(messages(fine)).isEmpty();
    }

    /** {@code known} as the console saw it, then an id no booking has. */
    private Map<Long, Long> unknownAfter(long known) {
        Map<Long, Long> seen = new java.util.LinkedHashMap<>(TestBookings.versions(bookings, List.of(known)));
        seen.put(987_654L, 0L);
        return seen;
    }

    /** A candidate with a Telegram chat asks for a new slot three days ahead. */
    private long request(String name) {
        int n = ++slotsMade;
        long candidate = db.inTransaction(s -> {
            Candidate c = new Candidate(name, ZoneId.of("Asia/Novosibirsk"));
            c.bindTelegram(7_000L + n, 7_000L + n, "user" + n);
            s.persist(c);
            return c.getId();
        });
        long slot = new SlotService(db, clock).create(TestCallers.soleUser(recruiter), recruiter, NOW.plus(Duration.ofDays(3)).plus(Duration.ofHours(n)),
                Duration.ofMinutes(30), "https://meet.example/x").id();
        return bookings.request(slot, candidate, Actor.CANDIDATE).getId();
    }

    private List<OutboxMessage> messages(long bookingId) {
        return db.inTransaction(s -> s.createSelectionQuery("from OutboxMessage where bookingId = :b order by id", OutboxMessage.class)
                .setParameter("b", bookingId).getResultList());
    }

    private void markAllSent(long bookingId) {
        db.run(s -> s.createNativeMutationQuery("UPDATE outbox_message SET status = 'SENT', sent_at = :t WHERE booking_id = :b")
                .setParameter("t", clock.instant()).setParameter("b", bookingId).executeUpdate());
    }
}
