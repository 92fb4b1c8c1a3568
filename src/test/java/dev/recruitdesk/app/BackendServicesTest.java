package dev.recruitdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.recruitdesk.delivery.EnqueueResult;
import dev.recruitdesk.delivery.OutgoingMessage;
import dev.recruitdesk.delivery.Regarding;
import dev.recruitdesk.domain.OutboxStatus;
import dev.recruitdesk.sandbox.FakeBotApi;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The composition root end to end: no token → sandbox bot, and the outbox delivers through it. */
class BackendServicesTest {

    @TempDir
    Path home;

    @Test
    void withoutATokenTheSandboxBotReceivesWhatTheOutboxSends() {
        AppContext context = AppContext.forHome(home, Clock.systemUTC());
        try (Backend backend = context.openBackend()) {
            backend.startServices();
            assertThat(backend.bot().isSandbox()).isTrue();
            FakeBotApi fake = backend.bot().sandbox().orElseThrow();

            Instant now = Instant.now();
            EnqueueResult result = backend.database().inTransaction(s -> backend.outbox().enqueue(s, "welcome:chat-777", "welcome",
                    Regarding.none(), new OutgoingMessage(777, "Привет!", null, null), now, now.plus(Duration.ofHours(1))));
            assertThat(result).isEqualTo(EnqueueResult.CREATED);

            await().atMost(Duration.ofSeconds(10)).until(() -> fake.messagesTo(777).size() == 1);
            assertThat(fake.messagesTo(777).get(0).text()).isEqualTo("Привет!");
            await().atMost(Duration.ofSeconds(10)).until(() -> backend.deliveryOps().countsByState().getOrDefault(OutboxStatus.SENT, 0L) == 1L);
        }
    }
}
