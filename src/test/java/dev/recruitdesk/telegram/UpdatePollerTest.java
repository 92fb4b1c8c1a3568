package dev.recruitdesk.telegram;

import com.pengrad.telegrambot.model.Update;
import dev.recruitdesk.delivery.OutgoingMessage;
import dev.recruitdesk.domain.BotOffset;
import dev.recruitdesk.domain.BotUpdateFailure;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.sandbox.FakeBotApi;
import dev.recruitdesk.sandbox.FakeUser;
import dev.recruitdesk.sandbox.Fault;
import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.DatabaseSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class UpdatePollerTest {

    private static final FakeUser ANNA = FakeUser.privateChat(501, "Anna", "anna_k");
    private static final FakeUser BORIS = FakeUser.privateChat(502, "Boris", null);
    private static final UpdatePoller.Settings FAST = UpdatePoller.Settings.defaults()
            .withPollTimeoutSeconds(2)
            .withFailureRetryDelay(Duration.ZERO)
            .withTick(Duration.ofMillis(20));

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final List<AutoCloseable> closing = new ArrayList<>();
    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());
    private FakeBotApi fake;
    private Database db;

    @BeforeEach
    void open() {
        fake = FakeBotApi.start();
        db = Database.open(DatabaseSettings.embedded(dir));
    }

    @AfterEach
    void close() throws Exception {
        Collections.reverse(closing);
        for (AutoCloseable c : closing) {
            c.close();
        }
        db.close();
        fake.close();
    }

    @Test
    void handlesTextStartAndCallbackInOrderAndStoresTheOffsetWithTheirEffects() {
        BotGateway gateway = gateway(fake.validToken());
        gateway.send(new OutgoingMessage(ANNA.chatId(), "Pick a time", null, null));
        int first = fake.enqueueStart(ANNA, "invite-7");
        fake.enqueueText(BORIS, "Boris Petrov");
        int last = fake.enqueueText(ANNA, "hello");
        fake.pressButton(ANNA, 1, "v1:c:42:3:AAAAAAAAAAAAAAAAAAAAAA");
        int press = last + 1;

        UpdatePoller poller = started(gateway, this::rememberAsCandidate);

        await().until(() -> seen.size() == 4);
        assertThat(seen).containsExactly(first + ":/start invite-7", (first + 1) + ":Boris Petrov", last + ":hello",
                press + ":cb:v1:c:42:3:AAAAAAAAAAAAAAAAAAAAAA");
        await().until(() -> storedOffset() == press);
        assertThat(candidateNames()).containsExactly("/start invite-7", "Boris Petrov", "hello", "cb:v1:c:42:3:AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(poller.status().state()).isEqualTo(PollerStatus.State.OK);
        assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().equals(UpdatePoller.THREAD_NAME) && t.isDaemon());
    }

    @Test
    void poisonUpdateRollsBackItsEffectsIsSkippedAfterThreeTriesAndLaterUpdatesFollow() {
        AtomicInteger boomCalls = new AtomicInteger();
        int a = fake.enqueueText(ANNA, "a");
        int boom = fake.enqueueText(ANNA, "boom");
        int c = fake.enqueueText(ANNA, "c");

        started(gateway(fake.validToken()), (s, u) -> {
            rememberAsCandidate(s, u);
            if ("boom".equals(u.message().text())) {
                boomCalls.incrementAndGet();
                throw new IllegalStateException("handler bug");
            }
        });

        await().until(() -> storedOffset() == c);
        assertThat(boomCalls).hasValue(3);
        assertThat(candidateNames()).containsExactly("a", "c");
        BotUpdateFailure failure = failure(boom);
        assertThat(failure.getAttempts()).isEqualTo(3);
        assertThat(failure.isSkipped()).isTrue();
        assertThat(failure.getUpdateKind()).isEqualTo("message");
        assertThat(failure.getLastError()).contains("handler bug");
        assertThat(failure(a)).isNull();
    }

    @Test
    void updateThatFailsOnceIsRetriedBeforeTheNextOneAndKeepsItsPlace() {
        AtomicInteger calls = new AtomicInteger();
        int flaky = fake.enqueueText(ANNA, "flaky");
        int next = fake.enqueueText(ANNA, "next");

        started(gateway(fake.validToken()), (s, u) -> {
            if ("flaky".equals(u.message().text()) && calls.incrementAndGet() == 1) {
                throw new IllegalStateException("lock timeout");
            }
            rememberAsCandidate(s, u);
        });

        await().until(() -> storedOffset() == next);
        assertThat(candidateNames()).containsExactly("flaky", "next");
        assertThat(failure(flaky).getAttempts()).isEqualTo(1);
        assertThat(failure(flaky).isSkipped()).isFalse();
    }

    @Test
    void restartResumesFromTheStoredOffsetWithoutHandlingAnythingTwice() {
        BotGateway gateway = gateway(fake.validToken());
        fake.enqueueText(ANNA, "one");
        int two = fake.enqueueText(ANNA, "two");
        UpdatePoller first = started(gateway, this::rememberAsCandidate);
        await().until(() -> storedOffset() == two);
        first.stop();
        assertThat(first.status().state()).isEqualTo(PollerStatus.State.STOPPED);
        int three = fake.enqueueText(ANNA, "three");
        seen.clear();

        started(gateway, this::rememberAsCandidate);

        await().until(() -> storedOffset() == three);
        assertThat(seen).containsExactly(three + ":three");
        assertThat(candidateNames()).containsExactly("one", "two", "three");
    }

    @Test
    void conflictStepsDownReportsAndRetriesAfterTheBackOff() {
        BotGateway gateway = gateway(fake.validToken());
        List<PollerStatus> states = Collections.synchronizedList(new ArrayList<>());
        UpdatePoller poller = new UpdatePoller(gateway, db, this::rememberAsCandidate, clock,
                FAST.withPollTimeoutSeconds(10).withConflictBackoff(Duration.ofSeconds(30)));
        poller.onStatus(states::add);
        closing.add(poller);
        poller.start();
        await().until(fake::pollPending);

        CallResult<List<Update>> rival = gateway(fake.validToken()).getUpdates(0, 100, 0);

        assertThat(rival.isOk()).isTrue();
        await().until(() -> poller.status().state() == PollerStatus.State.CONFLICT);
        assertThat(poller.status().retryAt()).isEqualTo(clock.instant().plusSeconds(30));
        assertThat(poller.status().detail()).contains("409");
        int polls = fake.requests("getUpdates");
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> fake.requests("getUpdates") == polls);
        assertThat(fake.pollPending()).isFalse();

        clock.advance(Duration.ofSeconds(30));
        int later = fake.enqueueText(ANNA, "after the conflict");

        await().until(() -> storedOffset() == later);
        assertThat(poller.status().state()).isEqualTo(PollerStatus.State.OK);
        assertThat(states).extracting(PollerStatus::state)
                .containsSubsequence(PollerStatus.State.OK, PollerStatus.State.CONFLICT, PollerStatus.State.OK);
    }

    @Test
    void unauthorizedTokenStopsPollingForGood() {
        fake.failNext("getUpdates", Fault.unauthorized(), 1);
        UpdatePoller poller = started(gateway(fake.validToken()), this::rememberAsCandidate);

        await().until(() -> poller.status().state() == PollerStatus.State.BAD_TOKEN);
        await().until(() -> !poller.isRunning());
        clock.advance(Duration.ofHours(1));
        poller.retryNow();
        fake.enqueueText(ANNA, "anyone there?");

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> fake.requests("getUpdates") == 1);
        assertThat(poller.status().detail()).contains("401");
        assertThat(candidateNames()).isEmpty();
    }

    @Test
    void wrongTokenIsBadTokenAfterOneCall() {
        UpdatePoller poller = started(gateway("999:not-the-sandbox-token"), this::rememberAsCandidate);

        await().until(() -> poller.status().state() == PollerStatus.State.BAD_TOKEN);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> fake.requests("getUpdates") == 1);
    }

    @Test
    void anyShapeOfUpdateIsSurvived() {
        String chat = "\"chat\":{\"id\":501,\"type\":\"private\",\"first_name\":\"Anna\"},\"from\":{\"id\":501,\"is_bot\":false,\"first_name\":\"Anna\"}";
        fake.enqueueRaw("message", "{\"message_id\":10,\"date\":1," + chat
                + ",\"sticker\":{\"file_id\":\"CAAC\",\"file_unique_id\":\"u\",\"type\":\"regular\",\"width\":512,\"height\":512,"
                + "\"is_animated\":false,\"is_video\":false,\"emoji\":\"😀\"}}");
        fake.enqueueRaw("message", "{\"message_id\":11,\"date\":1," + chat
                + ",\"photo\":[{\"file_id\":\"AgAC\",\"file_unique_id\":\"p\",\"width\":90,\"height\":90}],\"caption\":\"me\"}");
        fake.enqueueRaw("edited_message", "{\"message_id\":12,\"date\":1,\"edit_date\":2," + chat + ",\"text\":\"edited\"}");
        fake.enqueueRaw("message", "{\"message_id\":13,\"date\":1,\"chat\":{\"id\":-100123,\"type\":\"supergroup\",\"title\":\"HR\"},"
                + "\"from\":{\"id\":501,\"is_bot\":false,\"first_name\":\"Anna\"},\"text\":\"/start@recruitdesk_sandbox_bot\"}");
        fake.enqueueRaw("my_chat_member", "{\"chat\":{\"id\":501,\"type\":\"private\"},\"from\":{\"id\":501,\"is_bot\":false,"
                + "\"first_name\":\"Anna\"},\"date\":1,\"old_chat_member\":{\"status\":\"member\",\"user\":{\"id\":1000001,\"is_bot\":true,"
                + "\"first_name\":\"b\"}},\"new_chat_member\":{\"status\":\"kicked\",\"until_date\":0,\"user\":{\"id\":1000001,"
                + "\"is_bot\":true,\"first_name\":\"b\"}}}");
        fake.enqueueRaw("message_from_the_future", "{\"anything\":[1,2,{\"x\":null}]}");
        fake.enqueueRaw("message", "{\"message_id\":14,\"date\":1}");
        int longText = fake.enqueueText(ANNA, "я".repeat(5000));
        List<String> kinds = Collections.synchronizedList(new ArrayList<>());

        // a careless handler: it assumes every update is a text message and fails on everything else
        started(gateway(fake.validToken()), (s, u) -> {
            kinds.add(UpdatePoller.kindOf(u));
            int length = u.message().text().length();
            s.persist(new Candidate("len " + length, ZoneOffset.UTC));
        });

        await().until(() -> storedOffset() == longText);
        assertThat(candidateNames()).containsExactly("len 30", "len 5000");
        assertThat(kinds).contains("edited_message", "my_chat_member", "other");
    }

    @Test
    void stopEndsAHeldLongPollAtOnce() {
        UpdatePoller poller = started(gateway(fake.validToken()), this::rememberAsCandidate,
                FAST.withPollTimeoutSeconds(50));
        await().until(fake::pollPending);

        long start = System.nanoTime();
        poller.stop();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(poller.isRunning()).isFalse();
        assertThat(poller.status().state()).isEqualTo(PollerStatus.State.STOPPED);
    }

    @Test
    void networkTroubleIsTransientAndPollingResumesWhenTheApiIsBack() {
        UpdatePoller poller = started(gateway(fake.validToken()), this::rememberAsCandidate,
                FAST.withErrorBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60)));
        await().until(fake::pollPending);

        fake.goOffline();
        await().until(() -> poller.status().state() == PollerStatus.State.TRANSIENT);
        fake.goOnline();
        int id = fake.enqueueText(ANNA, "back");
        clock.advance(Duration.ofMinutes(2));

        await().until(() -> storedOffset() == id);
        assertThat(poller.status().state()).isEqualTo(PollerStatus.State.OK);
    }

    @Test
    void offsetIdleForAWeekResynchronisesOnTelegramsNewNumbering() {
        db.run(s -> s.persist(new BotOffset(gatewayBotId(), 5_000, clock.instant().minus(Duration.ofDays(8)))));
        int first = fake.enqueueText(ANNA, "after a quiet week");
        int second = fake.enqueueText(ANNA, "and again");

        started(gateway(fake.validToken()), this::rememberAsCandidate);

        await().until(() -> storedOffset() == second);
        assertThat(first).isLessThan(5_000);
        assertThat(candidateNames()).containsExactly("after a quiet week", "and again");
    }

    // ---- helpers

    private void rememberAsCandidate(Session s, Update u) {
        String text = u.message() != null ? u.message().text() : "cb:" + u.callbackQuery().data();
        seen.add(u.updateId() + ":" + text);
        s.persist(new Candidate(text, ZoneOffset.UTC));
    }

    private UpdatePoller started(BotGateway gateway, UpdateHandler handler) {
        return started(gateway, handler, FAST);
    }

    private UpdatePoller started(BotGateway gateway, UpdateHandler handler, UpdatePoller.Settings settings) {
        UpdatePoller poller = new UpdatePoller(gateway, db, handler, clock, settings);
        closing.add(poller);
        poller.start();
        return poller;
    }

    private BotGateway gateway(String token) {
        BotGateway gateway = new BotGateway(token, fake.apiUrl(), Duration.ofSeconds(2), Duration.ofSeconds(5));
        closing.add(gateway);
        return gateway;
    }

    private long gatewayBotId() {
        return Long.parseLong(fake.validToken().substring(0, fake.validToken().indexOf(':')));
    }

    private long storedOffset() {
        return db.inTransaction(s -> {
            BotOffset o = s.find(BotOffset.class, gatewayBotId());
            return o == null ? -1 : o.getLastUpdateId();
        });
    }

    private BotUpdateFailure failure(long updateId) {
        return db.inTransaction(s -> s.find(BotUpdateFailure.class, new BotUpdateFailure.Key(gatewayBotId(), updateId)));
    }

    private List<String> candidateNames() {
        return db.inTransaction(s -> s.createSelectionQuery("select c.name from Candidate c order by c.id", String.class).getResultList());
    }
}
