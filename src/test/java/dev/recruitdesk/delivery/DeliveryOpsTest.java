package dev.recruitdesk.delivery;

import dev.recruitdesk.store.TestDatabases;
import dev.recruitdesk.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.delivery.SendResult.Outcome;
import dev.recruitdesk.domain.AttemptOutcome;
import dev.recruitdesk.domain.DeliveryAttempt;
import dev.recruitdesk.domain.OutboxMessage;
import dev.recruitdesk.domain.OutboxStatus;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger screens' operations: filter and page, attempts, resend, cancel, counts, the duplicate metric. */
class DeliveryOpsTest {

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
    void listFiltersByStateKindChatAndTextWithPaging() {
        for (int i = 0; i < 5; i++) {
            f.enqueue("confirm_2h:booking-" + i, "confirm_2h", Regarding.none(), 1, "Привет, собеседование " + i, clock.instant(), null);
        }
        f.enqueue("approved:booking-9", "approved", Regarding.none(), 2, "Approved: Zoom link", clock.instant(), null);
        f.db.run(s -> f.outbox.cancelAllPending(s, 0L, "unused")); // no booking 0: nothing cancelled
        f.ops.cancel(f.message("confirm_2h:booking-4").getId(), "anna");

        assertThat(f.ops.count(MessageQuery.all())).isEqualTo(6);
        assertThat(f.ops.count(MessageQuery.all().withKind("confirm_2h"))).isEqualTo(5);
        assertThat(f.ops.count(MessageQuery.all().withChatId(2L))).isEqualTo(1);
        assertThat(f.ops.count(MessageQuery.all().withStatuses(Set.of(OutboxStatus.CANCELLED)))).isEqualTo(1);
        assertThat(f.ops.list(MessageQuery.all().withText("ZOOM"))).extracting(OutboxMessage::getDedupKey)
                .containsExactly("approved:booking-9");
        assertThat(f.ops.list(MessageQuery.all().withText("собеседование 3"))).hasSize(1);
        assertThat(f.ops.list(MessageQuery.all().withText("booking-2"))).hasSize(1);
        assertThat(f.ops.list(MessageQuery.all().withKind("confirm_2h").page(1, 2))).extracting(OutboxMessage::getDedupKey)
                .containsExactly("confirm_2h:booking-3", "confirm_2h:booking-2");
    }

    @Test
    void resendOfAFailedMessageDeliversItExactlyOnceMoreAndTheLedgerSaysWhoAsked() {
        sender.then(ScriptedSender.failure(Outcome.UNREACHABLE, "403 Forbidden: bot was blocked by the user"));
        f.start(sender);
        f.enqueue("approved", 1, "Approved");
        f.awaitStatus("approved", OutboxStatus.FAILED);

        assertThat(f.ops.resend(f.message("approved").getId(), "anna")).isTrue(); // the candidate unblocked the bot
        f.awaitStatus("approved", OutboxStatus.SENT);
        f.drain();

        assertThat(f.ledger("approved")).extracting(DeliveryAttempt::getOutcome)
                .containsExactly(AttemptOutcome.UNREACHABLE, AttemptOutcome.RESEND_REQUESTED, AttemptOutcome.SENT);
        assertThat(f.ledger("approved").get(1).getError()).contains("anna").contains("FAILED");
        assertThat(sender.deliveredTexts()).containsExactly("Approved", "marker");
    }

    @Test
    void resendOfAnExpiredMessageDropsTheExpirySoItGoesOut() {
        f.enqueue("starting_10m", "starting_10m", Regarding.none(), 1, "soon", clock.instant().plusSeconds(60), clock.instant().plusSeconds(120));
        clock.advance(Duration.ofMinutes(5));
        f.start(sender);
        f.awaitStatus("starting_10m", OutboxStatus.EXPIRED);

        assertThat(f.ops.resend(f.message("starting_10m").getId(), "anna")).isTrue();
        f.awaitStatus("starting_10m", OutboxStatus.SENT);
    }

    @Test
    void resendIsRefusedForSentPendingAndCancelledMessages() {
        f.start(sender);
        f.enqueue("sent", 1, "sent");
        f.awaitStatus("sent", OutboxStatus.SENT);
        f.enqueue("later", "confirm_2h", Regarding.none(), 2, "later", clock.instant().plus(Duration.ofHours(1)), null);
        f.enqueue("withdrawn", "confirm_2h", Regarding.none(), 3, "withdrawn", clock.instant().plus(Duration.ofHours(1)), null);
        f.ops.cancel(f.message("withdrawn").getId(), "anna");

        assertThat(f.ops.resend(f.message("sent").getId(), "anna")).isFalse();
        assertThat(f.ops.resend(f.message("later").getId(), "anna")).isFalse();
        assertThat(f.ops.resend(f.message("withdrawn").getId(), "anna")).isFalse();
        assertThat(f.ops.resend(123_456L, "anna")).isFalse();
        f.drain();
        assertThat(sender.deliveredTexts()).containsExactly("sent", "marker");
    }

    @Test
    void cancelWithdrawsOnlyPendingMessages() {
        f.enqueue("later", "confirm_2h", Regarding.none(), 2, "later", clock.instant().plus(Duration.ofHours(1)), null);
        assertThat(f.ops.cancel(f.message("later").getId(), "anna")).isTrue();
        assertThat(f.ops.cancel(f.message("later").getId(), "anna")).isFalse();
        assertThat(f.message("later").getLastError()).isEqualTo("cancelled by anna");
        clock.advance(Duration.ofHours(2));
        f.start(sender);
        f.drain();
        assertThat(sender.deliveredTexts()).containsExactly("marker");
    }

    @Test
    void countsByStateListsEveryState() {
        f.enqueue("a", 1, "a");
        assertThat(f.ops.countsByState()).hasSize(OutboxStatus.values().length).containsEntry(OutboxStatus.PENDING, 1L)
                .containsEntry(OutboxStatus.SENT, 0L);
    }

    @Test
    void duplicatesLast24hCountsKeysAcceptedTwiceWithinTheDay() throws Exception {
        f.start(sender);
        f.enqueue("once", 1, "once");
        f.enqueue("twice", 2, "twice");
        f.awaitStatus("twice", OutboxStatus.SENT);
        assertThat(f.ops.duplicatesLast24h()).isZero();

        // what the old system's bug looked like in the ledger: a second SENT entry for one key
        long id = f.message("twice").getId();
        try (Connection c = f.db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO delivery_attempt (message_id, attempt_no, started_at, latency_ms, "
                     + "outcome) VALUES (?, 99, ?, 0, 'SENT')")) {
            ps.setLong(1, id);
            ps.setObject(2, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            ps.executeUpdate();
            c.commit();
        }
        assertThat(f.ops.duplicatesLast24h()).isEqualTo(1);

        clock.advance(Duration.ofHours(25));
        assertThat(f.ops.duplicatesLast24h()).isZero();
    }
}
