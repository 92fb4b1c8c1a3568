package dev.recruitdesk.telegram;

import com.google.gson.JsonParser;
import com.pengrad.telegrambot.model.Update;
import dev.recruitdesk.delivery.OutgoingMessage;
import dev.recruitdesk.delivery.SendResult;
import dev.recruitdesk.sandbox.FakeBotApi;
import dev.recruitdesk.sandbox.FakeMessage;
import dev.recruitdesk.sandbox.FakeUser;
import dev.recruitdesk.sandbox.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class BotGatewayTest {

    private static final FakeUser ANNA = FakeUser.privateChat(501, "Anna", "anna_k");
    private static final String KEYBOARD = "{\"inline_keyboard\":[[{\"text\":\"✅ Confirm\",\"callback_data\":\"v1:c:42:3:9f2a\"},"
            + "{\"text\":\"❌ Decline\",\"callback_data\":\"v1:d:42:3:9f2a\"}],[{\"text\":\"Meeting link\",\"url\":\"https://meet.example/abc\"}]]}";
    private static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(300);

    private final List<BotGateway> gateways = new ArrayList<>();
    private FakeBotApi fake;
    private BotGateway gateway;

    @BeforeEach
    void start() {
        fake = FakeBotApi.start();
        gateway = gateway(fake.validToken(), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        gateways.forEach(BotGateway::close);
        fake.close();
    }

    @Test
    void sentMessageReportsTelegramsMessageIdAndLatency() {
        gateway.send(message("First"));
        SendResult result = gateway.send(message("Second"));

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.SENT);
        assertThat(result.messageId()).isEqualTo(2L);
        assertThat(result.latency()).isPositive();
        assertThat(result.error()).isNull();
    }

    @Test
    void keyboardAndParseModeArriveAsSent() {
        OutgoingMessage sent = new OutgoingMessage(501, "<b>Interview</b> on Tue 14:00 (Europe/Berlin)", "HTML", KEYBOARD);

        gateway.send(sent);

        FakeMessage recorded = fake.messagesTo(501).get(0);
        assertThat(recorded.text()).isEqualTo(sent.text());
        assertThat(recorded.parseMode()).isEqualTo("HTML");
        assertThat(JsonParser.parseString(recorded.replyMarkupJson())).isEqualTo(JsonParser.parseString(KEYBOARD));
    }

    static Stream<Arguments> faultOutcomes() {
        return Stream.of(
                Arguments.of(Fault.serverError(500), SendResult.Outcome.TRANSIENT),
                Arguments.of(Fault.serverError(502), SendResult.Outcome.TRANSIENT),
                Arguments.of(Fault.htmlBadGateway(), SendResult.Outcome.TRANSIENT),
                Arguments.of(Fault.blocked(), SendResult.Outcome.UNREACHABLE),
                Arguments.of(Fault.deactivated(), SendResult.Outcome.UNREACHABLE),
                Arguments.of(Fault.chatNotFound(), SendResult.Outcome.UNREACHABLE),
                Arguments.of(Fault.badRequest("Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 0"),
                        SendResult.Outcome.BAD_REQUEST),
                Arguments.of(Fault.unauthorized(), SendResult.Outcome.BAD_TOKEN));
    }

    @ParameterizedTest
    @MethodSource("faultOutcomes")
    void everyTelegramFailureMapsToItsOutcome(Fault fault, SendResult.Outcome expected) {
        fake.failNext(fault, 1);

        SendResult result = gateway.send(message("Hi"));

        assertThat(result.outcome()).isEqualTo(expected);
        assertThat(result.error()).isNotBlank();
        assertThat(result.messageId()).isNull();
        assertThat(fake.sentCount()).isZero();
    }

    @Test
    void tooManyRequestsCarriesTheWaitTelegramAskedFor() {
        fake.failNext(Fault.tooManyRequests(7), 1);

        SendResult result = gateway.send(message("Hi"));

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.RETRY_AFTER);
        assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void floodLimitOfTheFakeSurfacesAsRetryAfter() {
        fake.setLimits(30, Duration.ofSeconds(10));
        fake.enforceLimits(true);

        SendResult first = gateway.send(message("a"));
        SendResult tooSoon = gateway.send(message("b"));

        assertThat(first.outcome()).isEqualTo(SendResult.Outcome.SENT);
        assertThat(tooSoon.outcome()).isEqualTo(SendResult.Outcome.RETRY_AFTER);
        assertThat(tooSoon.retryAfter()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(10));
    }

    @Test
    void refusedConnectionIsTransientAndNeverReachedTelegram() {
        fake.goOffline();

        SendResult refused = gateway.send(message("Hi"));
        fake.goOnline();
        SendResult afterwards = gateway.send(message("Hi"));

        assertThat(refused.outcome()).isEqualTo(SendResult.Outcome.TRANSIENT);
        assertThat(refused.error()).contains("ConnectException").doesNotContain(fake.validToken());
        assertThat(afterwards.outcome()).isEqualTo(SendResult.Outcome.SENT);
        assertThat(fake.sendMessageRequests()).isEqualTo(1);
    }

    @Test
    void noAnswerAfterTheRequestWasReadIsMaybeDeliveredAndTheMessageDidArrive() {
        BotGateway impatient = gateway(fake.validToken(), SHORT_READ_TIMEOUT);
        fake.failNext(Fault.stall(Duration.ofSeconds(30)), 1);

        SendResult result = impatient.send(message("Your interview is confirmed"));

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.MAYBE_DELIVERED);
        assertThat(result.error()).contains("SocketTimeoutException").contains("wire=BODY_WRITTEN");
        assertThat(fake.messagesTo(501)).extracting(FakeMessage::text).containsExactly("Your interview is confirmed");
    }

    @Test
    void connectionDroppedAfterTheRequestWasReadIsMaybeDelivered() {
        fake.failNext(Fault.stall(Duration.ofSeconds(30)), 1);

        CompletableFuture<SendResult> sending = CompletableFuture.supplyAsync(() -> gateway.send(message("Hi")));
        await().atMost(Duration.ofSeconds(5)).until(() -> fake.sentCount() == 1);
        fake.goOffline();

        assertThat(sending.join().outcome()).isEqualTo(SendResult.Outcome.MAYBE_DELIVERED);
    }

    @Test
    void wrongTokenIsBadTokenForSendsAndGetMe() {
        BotGateway wrong = gateway("999:not-the-token", Duration.ofSeconds(5));

        SendResult sent = wrong.send(message("Hi"));
        CallResult<BotIdentity> me = wrong.getMe();

        assertThat(sent.outcome()).isEqualTo(SendResult.Outcome.BAD_TOKEN);
        assertThat(me.outcome()).isEqualTo(CallResult.Outcome.BAD_TOKEN);
        assertThat(me.error()).isEqualTo("401 Unauthorized");
    }

    @Test
    void unusableKeyboardIsABadRequestWithoutACall() {
        SendResult result = gateway.send(new OutgoingMessage(501, "Hi", null, "[1, 2]"));

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.BAD_REQUEST);
        assertThat(fake.sendMessageRequests()).isZero();
    }

    @Test
    void malformedTokenIsRejectedWithoutShowingIt() {
        assertThatThrownBy(() -> new BotGateway("secret token with spaces"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret");
    }

    @Test
    void getMeNamesTheBot() {
        CallResult<BotIdentity> me = gateway.getMe();

        assertThat(me.isOk()).isTrue();
        assertThat(me.value()).isEqualTo(new BotIdentity(1000001L, FakeBotApi.BOT_USERNAME, FakeBotApi.BOT_FIRST_NAME));
    }

    @Test
    void getMeWhileTelegramIsDownIsTransient() {
        fake.failNext("getMe", Fault.htmlBadGateway(), 1);

        assertThat(gateway.getMe().outcome()).isEqualTo(CallResult.Outcome.TRANSIENT);
    }

    @Test
    void editMessageTextReplacesTheTextAndRepeatingItIsStillOk() {
        gateway.send(new OutgoingMessage(501, "Confirm?", null, KEYBOARD));

        CallResult<Void> edited = gateway.editMessageText(501, 1, "Confirmed ✅", null, null);
        CallResult<Void> repeated = gateway.editMessageText(501, 1, "Confirmed ✅", null, null);

        assertThat(edited.isOk()).isTrue();
        assertThat(repeated.isOk()).isTrue();
        FakeMessage now = fake.messagesTo(501).get(0);
        assertThat(now.text()).isEqualTo("Confirmed ✅");
        assertThat(now.replyMarkupJson()).isNull();
        assertThat(now.editCount()).isEqualTo(1);
    }

    @Test
    void editMessageReplyMarkupRemovesAndRestoresTheKeyboard() {
        gateway.send(new OutgoingMessage(501, "Confirm?", null, KEYBOARD));

        CallResult<Void> removed = gateway.editMessageReplyMarkup(501, 1, null);
        String afterRemoval = fake.messagesTo(501).get(0).replyMarkupJson();
        CallResult<Void> restored = gateway.editMessageReplyMarkup(501, 1, KEYBOARD);
        CallResult<Void> missing = gateway.editMessageReplyMarkup(501, 99, null);

        assertThat(removed.isOk()).isTrue();
        assertThat(afterRemoval).isNull();
        assertThat(restored.isOk()).isTrue();
        assertThat(JsonParser.parseString(fake.messagesTo(501).get(0).replyMarkupJson())).isEqualTo(JsonParser.parseString(KEYBOARD));
        assertThat(missing.outcome()).isEqualTo(CallResult.Outcome.BAD_REQUEST);
        assertThat(missing.error()).contains("message to edit not found");
    }

    @Test
    void answerCallbackQueryReachesTelegramOnceAndALateRepeatIsABadRequest() {
        gateway.send(new OutgoingMessage(501, "Confirm?", null, KEYBOARD));
        String queryId = fake.pressButton(ANNA, 1, "v1:c:42:3:9f2a");

        CallResult<Void> answered = gateway.answerCallbackQuery(queryId, "Confirmed");
        CallResult<Void> again = gateway.answerCallbackQuery(queryId, null);

        assertThat(answered.isOk()).isTrue();
        assertThat(fake.callbackAnswers()).singleElement().satisfies(a -> {
            assertThat(a.callbackQueryId()).isEqualTo(queryId);
            assertThat(a.text()).isEqualTo("Confirmed");
        });
        assertThat(again.outcome()).isEqualTo(CallResult.Outcome.BAD_REQUEST);
    }

    @Test
    void getUpdatesDeliversMessagesAndPressesAndConfirmsByOffset() {
        gateway.send(new OutgoingMessage(501, "Confirm?", null, KEYBOARD));
        fake.enqueueStart(ANNA, "r-7");
        String queryId = fake.pressButton(ANNA, 1, "v1:c:42:3:9f2a");

        CallResult<List<Update>> first = gateway.getUpdates(0, 100, 0);
        int next = first.value().get(1).updateId() + 1;
        CallResult<List<Update>> afterConfirm = gateway.getUpdates(next, 100, 0);

        assertThat(first.isOk()).isTrue();
        Update start = first.value().get(0);
        assertThat(start.message().text()).isEqualTo("/start r-7");
        assertThat(start.message().from().id()).isEqualTo(501L);
        assertThat(start.message().from().username()).isEqualTo("anna_k");
        assertThat(start.message().chat().id()).isEqualTo(501L);
        Update press = first.value().get(1);
        assertThat(press.callbackQuery().id()).isEqualTo(queryId);
        assertThat(press.callbackQuery().data()).isEqualTo("v1:c:42:3:9f2a");
        assertThat(press.callbackQuery().message().messageId()).isEqualTo(1);
        assertThat(press.callbackQuery().message().replyMarkup())
                .isEqualTo(BotGateway.keyboard(KEYBOARD));
        assertThat(afterConfirm.value()).isEmpty();
        assertThat(fake.pendingUpdateCount()).isZero();
    }

    @Test
    void longPollReturnsAsSoonAsAnUpdateArrives() {
        CompletableFuture<CallResult<List<Update>>> poll = CompletableFuture.supplyAsync(() -> gateway.getUpdates(0, 100, 20));
        await().atMost(Duration.ofSeconds(5)).until(fake::pollPending);

        fake.enqueueText(ANNA, "When is my interview?");

        await().atMost(Duration.ofSeconds(3)).until(poll::isDone);
        assertThat(poll.join().value()).extracting(u -> u.message().text()).containsExactly("When is my interview?");
    }

    @Test
    void aSecondPollerMakesTheFirstSeeConflict() {
        BotGateway otherConsole = gateway(fake.validToken(), Duration.ofSeconds(5));
        CompletableFuture<CallResult<List<Update>>> held = CompletableFuture.supplyAsync(() -> gateway.getUpdates(0, 100, 20));
        await().atMost(Duration.ofSeconds(5)).until(fake::pollPending);

        CallResult<List<Update>> newer = otherConsole.getUpdates(0, 100, 0);

        assertThat(newer.isOk()).isTrue();
        CallResult<List<Update>> older = held.join();
        assertThat(older.outcome()).isEqualTo(CallResult.Outcome.CONFLICT);
        assertThat(older.error()).contains("terminated by other getUpdates request");
    }

    @Test
    void unansweredPollIsTransient() {
        BotGateway impatient = gateway(fake.validToken(), SHORT_READ_TIMEOUT);
        fake.failNext("getUpdates", Fault.stall(Duration.ofSeconds(30)), 1);

        assertThat(impatient.getUpdates(0, 100, 0).outcome()).isEqualTo(CallResult.Outcome.TRANSIENT);
    }

    @Test
    void maskShowsOnlyTheLastFourCharacters() {
        assertThat(BotGateway.mask("123456:ABCdefGHIjkl")).isEqualTo("…Ijkl");
        assertThat(BotGateway.mask("abc")).isEqualTo("****");
    }

    private BotGateway gateway(String token, Duration readTimeout) {
        BotGateway created = new BotGateway(token, fake.apiUrl(), Duration.ofSeconds(2), readTimeout);
        gateways.add(created);
        return created;
    }

    private static OutgoingMessage message(String text) {
        return new OutgoingMessage(501, text, null, null);
    }
}
