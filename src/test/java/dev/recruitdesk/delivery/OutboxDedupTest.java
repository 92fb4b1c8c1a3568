package dev.recruitdesk.delivery;

import dev.recruitdesk.store.TestDatabases;
import dev.recruitdesk.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.Booking;
import dev.recruitdesk.domain.OutboxStatus;
import dev.recruitdesk.domain.Slot;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dedup rules of the outbox and the reminder bugs of the old system, on a real H2 file. */
class OutboxDedupTest {

    @TempDir
    Path dir;

    private MutableClock clock;
    private DeliveryFixture f;
    private ScriptedSender sender;

    @BeforeEach
    void open() {
        clock = new MutableClock(DeliveryFixture.T0);
        f = new DeliveryFixture(TestDatabases.h2(dir), clock);
        sender = new ScriptedSender();
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void reenqueueOfSentKeyDoesNotResetItAndSendsNothing() {
        f.start(sender);
        assertThat(f.enqueue("approved:booking-1:rev-1", 11, "Approved")).isEqualTo(EnqueueResult.CREATED);
        f.awaitStatus("approved:booking-1:rev-1", OutboxStatus.SENT);
        Instant sentAt = f.message("approved:booking-1:rev-1").getSentAt();

        assertThat(f.enqueue("approved:booking-1:rev-1", 11, "Approved again")).isEqualTo(EnqueueResult.DUPLICATE_SKIPPED);
        f.drain();

        assertThat(f.message("approved:booking-1:rev-1").getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(f.message("approved:booking-1:rev-1").getSentAt()).isEqualTo(sentAt);
        assertThat(f.message("approved:booking-1:rev-1").getText()).isEqualTo("Approved");
        assertThat(sender.deliveredTexts()).containsExactly("Approved", "marker");
    }

    @Test
    void pendingKeyIsRefreshedNotDuplicated() {
        Instant due = clock.instant().plus(Duration.ofHours(2));
        f.enqueue("confirm_2h:booking-1:rev-1", "confirm_2h", Regarding.none(), 11, "old text", due, null);
        EnqueueResult again = f.enqueue("confirm_2h:booking-1:rev-1", "confirm_2h", Regarding.none(), 11, "new text",
                due.plusSeconds(60), due.plusSeconds(3600));

        assertThat(again).isEqualTo(EnqueueResult.REFRESHED);
        assertThat(f.rows()).isEqualTo(1);
        assertThat(f.message("confirm_2h:booking-1:rev-1").getText()).isEqualTo("new text");
        assertThat(f.message("confirm_2h:booking-1:rev-1").getNextAttemptAt()).isEqualTo(due.plusSeconds(60));
        assertThat(f.message("confirm_2h:booking-1:rev-1").getExpiresAt()).isEqualTo(due.plusSeconds(3600));
    }

    @Test
    void twoReminderKindsForOneBookingAreSeparateMessagesAndBothDelivered() {
        Instant interview = clock.instant().plus(Duration.ofHours(1));
        DeliveryFixture.BookingRef b = f.booking(interview, 21);
        Regarding about = Regarding.booking(b.candidateId(), b.bookingId(), 1);
        f.enqueue("confirm_2h:booking-" + b.bookingId() + ":rev-1", "confirm_2h", about, 21, "2h prompt", clock.instant(), interview);
        f.enqueue("starting_10m:booking-" + b.bookingId() + ":rev-1", "starting_10m", about, 21, "starting soon", clock.instant(), interview);
        f.start(sender, DeliveryFixture.fastSettings());

        f.awaitStatus("confirm_2h:booking-" + b.bookingId() + ":rev-1", OutboxStatus.SENT);
        f.awaitStatus("starting_10m:booking-" + b.bookingId() + ":rev-1", OutboxStatus.SENT);
        assertThat(f.rows()).isEqualTo(2);
        assertThat(sender.deliveredTexts()).containsExactlyInAnyOrder("2h prompt", "starting soon");
    }

    @Test
    void reapprovalOfSameBookingAndRevisionAfterReminderWasSentSendsExactlyOneMessage() {
        Instant interview = clock.instant().plus(Duration.ofHours(1)); // inside the 2-hour window: due at once
        DeliveryFixture.BookingRef b = f.booking(interview, 31);
        String key = "confirm_2h:booking-" + b.bookingId() + ":rev-1";
        f.start(sender);
        approve(b, key, interview);
        f.awaitStatus(key, OutboxStatus.SENT);

        approve(b, key, interview);
        approve(b, key, interview);
        f.drain();

        assertThat(sender.deliveredTexts()).filteredOn(t -> t.startsWith("Interview")).hasSize(1);
        assertThat(f.ledger(key)).hasSize(1);
        assertThat(f.ops.duplicatesLast24h()).isZero();
    }

    @Test
    void rescheduleCancelsOldPendingReminderAndSendsTheNewOneOnceForTheNewTime() {
        Instant oldTime = clock.instant().plus(Duration.ofHours(5));
        DeliveryFixture.BookingRef b = f.booking(oldTime, 41);
        String oldKey = "confirm_2h:booking-" + b.bookingId() + ":rev-1";
        approve(b, oldKey, oldTime); // due in 3 h: still pending
        f.start(sender);

        Instant newTime = clock.instant().plus(Duration.ofHours(1));
        String newKey = f.db.inTransaction(s -> {
            Slot slot = new Slot(b.recruiterId(), newTime, Duration.ofMinutes(30), "Zoom", clock.instant());
            s.persist(slot);
            Booking booking = s.find(Booking.class, b.bookingId());
            s.persist(booking.reschedule(slot.getId(), Actor.RECRUITER, clock.instant()));
            s.flush();
            f.outbox.cancelPendingBeforeRevision(s, b.bookingId(), booking.getRevision(), "rescheduled");
            String key = "confirm_2h:booking-" + b.bookingId() + ":rev-" + booking.getRevision();
            f.outbox.enqueue(s, key, "confirm_2h", Regarding.booking(b.candidateId(), b.bookingId(), booking.getRevision()),
                    new OutgoingMessage(41, "Interview at " + newTime, null, null), clock.instant(), newTime);
            return key;
        });

        f.awaitStatus(newKey, OutboxStatus.SENT);
        assertThat(f.status(oldKey)).isEqualTo(OutboxStatus.CANCELLED);
        clock.advance(Duration.ofHours(4)); // the old reminder's due time passes: nothing more goes out
        f.drain();
        assertThat(sender.deliveredTexts()).filteredOn(t -> t.startsWith("Interview")).containsExactly("Interview at " + newTime);
    }

    @Test
    void reminderWhoseExpiryPassedWhileTheSenderWasFailingIsNeverSent() {
        Instant interview = clock.instant().plus(Duration.ofMinutes(30));
        sender.thenAnswer(m -> ScriptedSender.transientError("502 Bad Gateway"));
        Dispatcher d = f.start(sender);
        f.enqueue("confirm_2h:booking-7:rev-1", "confirm_2h", Regarding.none(), 51, "prompt", clock.instant(), interview);
        f.awaitStatus("confirm_2h:booking-7:rev-1", OutboxStatus.PENDING);
        await(() -> f.message("confirm_2h:booking-7:rev-1").getAttempts() == 1);

        clock.advance(Duration.ofMinutes(31)); // the retry would now succeed, but the interview has started
        d.wake();

        f.awaitStatus("confirm_2h:booking-7:rev-1", OutboxStatus.EXPIRED);
        assertThat(sender.deliveredTexts()).doesNotContain("prompt");
        assertThat(sender.calls()).hasSize(1);
    }

    @Test
    void retryThatWouldLandAfterExpiryExpiresInsteadOfWaiting() {
        f.enqueue("starting_10m:booking-8:rev-1", "starting_10m", Regarding.none(), 52, "soon", clock.instant(),
                clock.instant().plusSeconds(1));
        sender.then(ScriptedSender.transientError("connection refused"));
        f.start(sender);

        f.awaitStatus("starting_10m:booking-8:rev-1", OutboxStatus.EXPIRED);
        assertThat(f.message("starting_10m:booking-8:rev-1").getLastError()).contains("after expiry");
        assertThat(sender.deliveredTexts()).isEmpty();
    }

    @Test
    void cancelPendingOfKindsLeavesOtherKinds() {
        DeliveryFixture.BookingRef b = f.booking(clock.instant().plus(Duration.ofHours(8)), 61);
        Regarding about = Regarding.booking(b.candidateId(), b.bookingId(), 1);
        Instant later = clock.instant().plus(Duration.ofHours(2));
        f.enqueue("confirm_6h:b", "confirm_6h", about, 61, "6h", later, null);
        f.enqueue("confirm_3h:b", "confirm_3h", about, 61, "3h", later, null);
        f.enqueue("starting_10m:b", "starting_10m", about, 61, "10m", later, null);

        int cancelled = f.db.inTransaction(s -> f.outbox.cancelPendingOfKinds(s, b.bookingId(), Set.of("confirm_6h", "confirm_3h"), "confirmed"));

        assertThat(cancelled).isEqualTo(2);
        assertThat(f.status("confirm_6h:b")).isEqualTo(OutboxStatus.CANCELLED);
        assertThat(f.status("starting_10m:b")).isEqualTo(OutboxStatus.PENDING);
    }

    @Test
    void enqueueRolledBackWithTheBusinessChangeLeavesNothing() {
        try {
            f.db.run(s -> {
                f.outbox.enqueue(s, "k", "notice", Regarding.none(), new OutgoingMessage(1, "x", null, null), clock.instant(), null);
                throw new IllegalStateException("business rule failed");
            });
        } catch (IllegalStateException expected) {
            // the whole transaction is gone, the message with it
        }
        assertThat(f.rows()).isZero();
    }

    private void approve(DeliveryFixture.BookingRef b, String key, Instant interview) {
        f.enqueue(key, "confirm_2h", Regarding.booking(b.candidateId(), b.bookingId(), 1), b.chatId(), "Interview at " + interview,
                interview.minus(Duration.ofHours(2)).isBefore(clock.instant()) ? clock.instant() : interview.minus(Duration.ofHours(2)),
                interview);
    }

    private static void await(Callable<Boolean> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10)).until(condition);
    }
}
