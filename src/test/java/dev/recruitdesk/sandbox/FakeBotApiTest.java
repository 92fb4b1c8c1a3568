package dev.recruitdesk.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class FakeBotApiTest {

    private static final FakeUser ANNA = FakeUser.privateChat(501, "Anna", "anna_k");
    private static final String KEYBOARD =
            "{\"inline_keyboard\":[[{\"text\":\"✅ Confirm\",\"callback_data\":\"v1:c:42:1:abc\"},{\"text\":\"❌\",\"callback_data\":\"v1:d:42:1:abc\"}]]}";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private FakeBotApi fake;

    @BeforeEach
    void start() {
        fake = FakeBotApi.start();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void getMeAnswersTheBotUserInTheOkEnvelope() throws Exception {
        Answer answer = call("getMe", "");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.json().get("ok").getAsBoolean()).isTrue();
        JsonObject bot = answer.json().getAsJsonObject("result");
        assertThat(bot.get("id").getAsLong()).isEqualTo(1000001L);
        assertThat(bot.get("is_bot").getAsBoolean()).isTrue();
        assertThat(bot.get("username").getAsString()).isEqualTo(FakeBotApi.BOT_USERNAME);
    }

    @Test
    void requestsAreCountedPerMethodWhateverTheToken() throws Exception {
        post(fake.apiUrl() + "999:wrong-token/getUpdates", "application/x-www-form-urlencoded", "");
        call("getUpdates", "timeout=0");
        call("getMe", "");

        assertThat(fake.requests("getUpdates")).isEqualTo(2);
        assertThat(fake.requests("getme")).isEqualTo(1);
        assertThat(fake.requests("sendMessage")).isZero();
    }

    @Test
    void rawUpdatesOfAnyShapeAreDeliveredAsGiven() throws Exception {
        int id = fake.enqueueRaw("edited_message", "{\"message_id\":3,\"date\":1,\"chat\":{\"id\":-5,\"type\":\"group\"},\"text\":\"x\"}");

        JsonObject update = call("getUpdates", "timeout=0").json().getAsJsonArray("result").get(0).getAsJsonObject();

        assertThat(update.get("update_id").getAsInt()).isEqualTo(id);
        assertThat(update.getAsJsonObject("edited_message").getAsJsonObject("chat").get("type").getAsString()).isEqualTo("group");
        assertThatThrownBy(() -> fake.enqueueRaw("message", "[1]")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wrongTokenIsUnauthorizedAndUnknownMethodIsNotFound() throws Exception {
        Answer wrongToken = post(fake.apiUrl() + "999:wrong-token/getMe", "application/x-www-form-urlencoded", "");
        Answer unknownMethod = call("sendSticker", "chat_id=1");

        assertThat(wrongToken.status()).isEqualTo(401);
        assertThat(wrongToken.json()).isEqualTo(JsonParser.parseString(
                "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}"));
        assertThat(unknownMethod.status()).isEqualTo(404);
        assertThat(unknownMethod.json()).isEqualTo(JsonParser.parseString(
                "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}"));
    }

    @Test
    void sendMessageRecordsTheMessageAndEchoesItAsAMessage() throws Exception {
        List<FakeMessage> heard = new CopyOnWriteArrayList<>();
        fake.onMessage(heard::add);

        Answer first = call("sendMessage", form("chat_id", "501", "text", "<b>Hi</b>", "parse_mode", "HTML", "reply_markup", KEYBOARD));
        Answer second = call("sendMessage", form("chat_id", "501", "text", "Second"));
        Answer otherChat = call("sendMessage", form("chat_id", "777", "text", "Elsewhere"));

        JsonObject message = first.json().getAsJsonObject("result");
        assertThat(first.status()).isEqualTo(200);
        assertThat(message.get("message_id").getAsInt()).isEqualTo(1);
        assertThat(message.getAsJsonObject("chat").get("id").getAsLong()).isEqualTo(501);
        assertThat(message.getAsJsonObject("from").get("is_bot").getAsBoolean()).isTrue();
        assertThat(message.get("text").getAsString()).isEqualTo("<b>Hi</b>");
        assertThat(message.get("reply_markup")).isEqualTo(JsonParser.parseString(KEYBOARD));
        assertThat(second.json().getAsJsonObject("result").get("message_id").getAsInt()).isEqualTo(2);
        assertThat(otherChat.json().getAsJsonObject("result").get("message_id").getAsInt()).isEqualTo(1);

        List<FakeMessage> toAnna = fake.messagesTo(501);
        assertThat(toAnna).extracting(FakeMessage::text).containsExactly("<b>Hi</b>", "Second");
        assertThat(toAnna.get(0).parseMode()).isEqualTo("HTML");
        assertThat(JsonParser.parseString(toAnna.get(0).replyMarkupJson())).isEqualTo(JsonParser.parseString(KEYBOARD));
        assertThat(toAnna.get(1).replyMarkupJson()).isNull();
        assertThat(fake.sentCount()).isEqualTo(3);
        assertThat(fake.sendMessageRequests()).isEqualTo(3);
        assertThat(heard).extracting(FakeMessage::text).containsExactly("<b>Hi</b>", "Second", "Elsewhere");
    }

    @Test
    void readsParametersFromQueryStringJsonAndMultipartBodies() throws Exception {
        String base = fake.apiUrl() + fake.validToken() + "/sendMessage";
        String boundary = "b0undary";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"chat_id\"\r\n\r\n9\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"text\"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nfrom multipart ✅\r\n"
                + "--" + boundary + "--\r\n";

        post(base + "?chat_id=7&text=from%20query", "application/x-www-form-urlencoded", "");
        post(base, "application/json", "{\"chat_id\":8,\"text\":\"from json\",\"reply_markup\":" + KEYBOARD + "}");
        post(base, "multipart/form-data; boundary=" + boundary, multipart);

        assertThat(fake.messagesTo(7)).extracting(FakeMessage::text).containsExactly("from query");
        assertThat(fake.messagesTo(8)).extracting(FakeMessage::text).containsExactly("from json");
        assertThat(JsonParser.parseString(fake.messagesTo(8).get(0).replyMarkupJson())).isEqualTo(JsonParser.parseString(KEYBOARD));
        assertThat(fake.messagesTo(9)).extracting(FakeMessage::text).containsExactly("from multipart ✅");
    }

    @Test
    void invalidMessagesAreRejectedAsTelegramDoes() throws Exception {
        String longData = "x".repeat(65);

        Answer emptyText = call("sendMessage", form("chat_id", "501", "text", ""));
        Answer badMarkup = call("sendMessage", form("chat_id", "501", "text", "Hi", "reply_markup", "{not json"));
        Answer longCallbackData = call("sendMessage", form("chat_id", "501", "text", "Hi",
                "reply_markup", "{\"inline_keyboard\":[[{\"text\":\"a\",\"callback_data\":\"" + longData + "\"}]]}"));

        assertThat(emptyText.description()).isEqualTo("Bad Request: message text is empty");
        assertThat(badMarkup.description()).isEqualTo("Bad Request: can't parse reply keyboard markup JSON object");
        assertThat(longCallbackData.description()).isEqualTo("Bad Request: BUTTON_DATA_INVALID");
        assertThat(fake.sentCount()).isZero();
    }

    @Test
    void getUpdatesConfirmsAnUpdateOnlyWhenAHigherOffsetIsRequested() throws Exception {
        int hello = fake.enqueueText(ANNA, "hello");
        int start = fake.enqueueStart(ANNA, "slot-42");

        JsonArray all = call("getUpdates", "offset=0").json().getAsJsonArray("result");
        JsonArray again = call("getUpdates", "").json().getAsJsonArray("result");
        JsonArray afterFirst = call("getUpdates", "offset=" + (hello + 1)).json().getAsJsonArray("result");
        int pendingAfterFirst = fake.pendingUpdateCount();
        JsonArray afterBoth = call("getUpdates", "offset=" + (start + 1) + "&timeout=0").json().getAsJsonArray("result");

        assertThat(all).hasSize(2);
        assertThat(again).isEqualTo(all);
        assertThat(afterFirst).hasSize(1);
        assertThat(pendingAfterFirst).isEqualTo(1);
        assertThat(afterBoth).isEmpty();
        assertThat(fake.pendingUpdateCount()).isZero();

        JsonObject startMessage = afterFirst.get(0).getAsJsonObject().getAsJsonObject("message");
        assertThat(afterFirst.get(0).getAsJsonObject().get("update_id").getAsInt()).isEqualTo(start);
        assertThat(startMessage.get("text").getAsString()).isEqualTo("/start slot-42");
        assertThat(startMessage.getAsJsonObject("from").get("id").getAsLong()).isEqualTo(501);
        assertThat(startMessage.getAsJsonObject("from").get("username").getAsString()).isEqualTo("anna_k");
        assertThat(startMessage.getAsJsonObject("chat").get("type").getAsString()).isEqualTo("private");
        JsonObject command = startMessage.getAsJsonArray("entities").get(0).getAsJsonObject();
        assertThat(command.get("type").getAsString()).isEqualTo("bot_command");
        assertThat(command.get("length").getAsInt()).isEqualTo(6);
    }

    @Test
    void getUpdatesHonoursLimit() throws Exception {
        fake.enqueueText(ANNA, "one");
        fake.enqueueText(ANNA, "two");
        fake.enqueueText(ANNA, "three");

        JsonArray two = call("getUpdates", "limit=2").json().getAsJsonArray("result");

        assertThat(two).hasSize(2);
        assertThat(two.get(1).getAsJsonObject().getAsJsonObject("message").get("text").getAsString()).isEqualTo("two");
    }

    @Test
    void longPollAnswersAsSoonAsAnUpdateArrives() {
        CompletableFuture<HttpResponse<String>> poll = callAsync("getUpdates", "timeout=30");
        await().atMost(Duration.ofSeconds(5)).until(fake::pollPending);
        assertThat(poll).isNotDone();

        fake.enqueueText(ANNA, "hi");

        await().atMost(Duration.ofSeconds(2)).until(poll::isDone);
        JsonArray updates = JsonParser.parseString(poll.join().body()).getAsJsonObject().getAsJsonArray("result");
        assertThat(updates).hasSize(1);
        assertThat(fake.pollPending()).isFalse();
    }

    @Test
    void aSecondGetUpdatesEndsTheHeldOneWith409() {
        CompletableFuture<HttpResponse<String>> first = callAsync("getUpdates", "timeout=30");
        await().atMost(Duration.ofSeconds(5)).until(fake::pollPending);

        CompletableFuture<HttpResponse<String>> second = callAsync("getUpdates", "timeout=30");

        await().atMost(Duration.ofSeconds(5)).until(first::isDone);
        assertThat(first.join().statusCode()).isEqualTo(409);
        assertThat(JsonParser.parseString(first.join().body()).getAsJsonObject().get("description").getAsString())
                .isEqualTo(FakeBotApi.CONFLICT);
        assertThat(second).isNotDone();
        fake.enqueueText(ANNA, "hi");
        await().atMost(Duration.ofSeconds(2)).until(second::isDone);
        assertThat(second.join().statusCode()).isEqualTo(200);
    }

    @Test
    void perChatLimitAnswers429WithRetryAfter() throws Exception {
        fake.setLimits(30, Duration.ofSeconds(10));
        fake.enforceLimits(true);

        Answer first = call("sendMessage", form("chat_id", "1", "text", "a"));
        Answer tooSoon = call("sendMessage", form("chat_id", "1", "text", "b"));
        Answer otherChat = call("sendMessage", form("chat_id", "2", "text", "c"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(tooSoon.status()).isEqualTo(429);
        assertThat(tooSoon.retryAfter()).isBetween(1, 10);
        assertThat(tooSoon.description()).isEqualTo("Too Many Requests: retry after " + tooSoon.retryAfter());
        assertThat(otherChat.status()).isEqualTo(200);
        assertThat(fake.tooManyRequestsAnswered()).isEqualTo(1);
        assertThat(fake.messagesTo(1)).extracting(FakeMessage::text).containsExactly("a");
    }

    @Test
    void globalLimitAnswers429OnceTheSecondIsFull() throws Exception {
        fake.setLimits(3, Duration.ZERO);
        fake.enforceLimits(true);

        for (int chat = 1; chat <= 3; chat++) {
            assertThat(call("sendMessage", form("chat_id", String.valueOf(chat), "text", "x")).status()).isEqualTo(200);
        }
        Answer fourth = call("sendMessage", form("chat_id", "4", "text", "x"));

        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.retryAfter()).isEqualTo(1);
        assertThat(fake.sentCount()).isEqualTo(3);
    }

    static Stream<Arguments> jsonFaults() {
        return Stream.of(
                Arguments.of(Fault.tooManyRequests(7), 429, "Too Many Requests: retry after 7"),
                Arguments.of(Fault.serverError(500), 500, "Internal Server Error"),
                Arguments.of(Fault.serverError(502), 502, "Bad Gateway"),
                Arguments.of(Fault.blocked(), 403, "Forbidden: bot was blocked by the user"),
                Arguments.of(Fault.deactivated(), 403, "Forbidden: user is deactivated"),
                Arguments.of(Fault.chatNotFound(), 400, "Bad Request: chat not found"),
                Arguments.of(Fault.badRequest("Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 0"),
                        400, "Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 0"),
                Arguments.of(Fault.unauthorized(), 401, "Unauthorized"));
    }

    @ParameterizedTest
    @MethodSource("jsonFaults")
    void plannedFaultIsAnsweredInTheErrorEnvelopeOnceThenTheApiWorks(Fault fault, int status, String description) throws Exception {
        fake.failNext(fault, 1);

        Answer failed = call("sendMessage", form("chat_id", "501", "text", "Hi"));
        Answer next = call("sendMessage", form("chat_id", "501", "text", "Hi again"));

        assertThat(failed.status()).isEqualTo(status);
        assertThat(failed.json().get("ok").getAsBoolean()).isFalse();
        assertThat(failed.json().get("error_code").getAsInt()).isEqualTo(status);
        assertThat(failed.description()).isEqualTo(description);
        if (status == 429) {
            assertThat(failed.retryAfter()).isEqualTo(7);
        }
        assertThat(next.status()).isEqualTo(200);
        assertThat(fake.messagesTo(501)).extracting(FakeMessage::text).containsExactly("Hi again");
        assertThat(fake.sendMessageRequests()).isEqualTo(2);
    }

    @Test
    void htmlBadGatewayIsAnHtmlPage() throws Exception {
        fake.failNext(Fault.htmlBadGateway(), 1);

        Answer answer = call("sendMessage", form("chat_id", "501", "text", "Hi"));

        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(answer.body()).isEqualTo("<html>Bad Gateway</html>");
        assertThat(fake.sentCount()).isZero();
    }

    @Test
    void faultsCanTargetAnyMethod() throws Exception {
        fake.failNext("getMe", Fault.serverError(502), 2);

        assertThat(call("getMe", "").status()).isEqualTo(502);
        assertThat(call("getMe", "").status()).isEqualTo(502);
        assertThat(call("getMe", "").status()).isEqualTo(200);
    }

    @Test
    void chatFaultHitsEveryRequestForThatChatUntilCleared() throws Exception {
        fake.failChat(501, Fault.blocked());

        assertThat(call("sendMessage", form("chat_id", "501", "text", "a")).status()).isEqualTo(403);
        assertThat(call("sendMessage", form("chat_id", "501", "text", "b")).status()).isEqualTo(403);
        assertThat(call("sendMessage", form("chat_id", "502", "text", "c")).status()).isEqualTo(200);
        fake.clearFaults();
        assertThat(call("sendMessage", form("chat_id", "501", "text", "d")).status()).isEqualTo(200);
    }

    @Test
    void stallRecordsTheMessageButWithholdsTheAnswer() {
        fake.failNext(Fault.stall(Duration.ofSeconds(30)), 1);
        HttpRequest request = request("sendMessage", form("chat_id", "501", "text", "Maybe delivered"))
                .timeout(Duration.ofMillis(300)).build();

        assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(fake.messagesTo(501)).extracting(FakeMessage::text).containsExactly("Maybe delivered");
    }

    @Test
    void stallAnswersNormallyOnceTheHoldIsOver() throws Exception {
        fake.failNext(Fault.stall(Duration.ofMillis(200)), 1);

        Answer late = call("sendMessage", form("chat_id", "501", "text", "Late"));

        assertThat(late.status()).isEqualTo(200);
        assertThat(late.json().getAsJsonObject("result").get("message_id").getAsInt()).isEqualTo(1);
    }

    @Test
    void offlineRefusesConnectionsUntilOnlineAgain() throws Exception {
        fake.enqueueText(ANNA, "kept while offline");
        fake.goOffline();

        assertThatThrownBy(() -> call("getMe", "")).isInstanceOf(ConnectException.class);

        fake.goOnline();
        assertThat(call("getMe", "").status()).isEqualTo(200);
        assertThat(call("getUpdates", "").json().getAsJsonArray("result")).hasSize(1);
    }

    @Test
    void callbackPressCarriesThePressedMessageAndItsAnswerIsRecorded() throws Exception {
        call("sendMessage", form("chat_id", "501", "text", "Confirm your interview?", "reply_markup", KEYBOARD));
        String queryId = fake.pressButton(ANNA, 1, "v1:c:42:1:abc");

        JsonObject query = call("getUpdates", "").json().getAsJsonArray("result").get(0)
                .getAsJsonObject().getAsJsonObject("callback_query");
        Answer answered = call("answerCallbackQuery", form("callback_query_id", queryId, "text", "Confirmed"));
        Answer answeredTwice = call("answerCallbackQuery", form("callback_query_id", queryId));

        assertThat(query.get("id").getAsString()).isEqualTo(queryId);
        assertThat(query.get("data").getAsString()).isEqualTo("v1:c:42:1:abc");
        assertThat(query.getAsJsonObject("from").get("id").getAsLong()).isEqualTo(501);
        assertThat(query.getAsJsonObject("message").get("message_id").getAsInt()).isEqualTo(1);
        assertThat(query.getAsJsonObject("message").get("reply_markup")).isEqualTo(JsonParser.parseString(KEYBOARD));
        assertThat(answered.json().get("result").getAsBoolean()).isTrue();
        assertThat(fake.callbackAnswers()).singleElement().satisfies(a -> {
            assertThat(a.callbackQueryId()).isEqualTo(queryId);
            assertThat(a.text()).isEqualTo("Confirmed");
        });
        assertThat(answeredTwice.status()).isEqualTo(400);
        assertThat(answeredTwice.description()).isEqualTo(FakeBotApi.QUERY_TOO_OLD);
    }

    @Test
    void editsApplyAndRepeatingOneIsNotModified() throws Exception {
        List<FakeMessage> heard = new CopyOnWriteArrayList<>();
        fake.onMessage(heard::add);
        call("sendMessage", form("chat_id", "501", "text", "Confirm?", "reply_markup", KEYBOARD));

        Answer edited = call("editMessageText", form("chat_id", "501", "message_id", "1", "text", "Confirmed ✅"));
        Answer repeated = call("editMessageText", form("chat_id", "501", "message_id", "1", "text", "Confirmed ✅"));
        Answer keyboardBack = call("editMessageReplyMarkup", form("chat_id", "501", "message_id", "1", "reply_markup", KEYBOARD));
        Answer missing = call("editMessageReplyMarkup", form("chat_id", "501", "message_id", "99"));

        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().getAsJsonObject("result").has("edit_date")).isTrue();
        assertThat(repeated.status()).isEqualTo(400);
        assertThat(repeated.description()).isEqualTo(FakeBotApi.NOT_MODIFIED);
        assertThat(keyboardBack.status()).isEqualTo(200);
        assertThat(missing.description()).isEqualTo("Bad Request: message to edit not found");
        FakeMessage now = fake.messagesTo(501).get(0);
        assertThat(now.text()).isEqualTo("Confirmed ✅");
        assertThat(now.editCount()).isEqualTo(2);
        assertThat(JsonParser.parseString(now.replyMarkupJson())).isEqualTo(JsonParser.parseString(KEYBOARD));
        assertThat(heard).extracting(FakeMessage::replyMarkupJson).hasSize(3).element(1).isNull();
    }

    @Test
    void deleteWebhookCanDropPendingUpdates() throws Exception {
        fake.enqueueText(ANNA, "old");

        Answer kept = call("deleteWebhook", "");
        int pendingAfterPlainDelete = fake.pendingUpdateCount();
        Answer dropped = call("deleteWebhook", "drop_pending_updates=true");

        assertThat(kept.json().get("result").getAsBoolean()).isTrue();
        assertThat(pendingAfterPlainDelete).isEqualTo(1);
        assertThat(dropped.status()).isEqualTo(200);
        assertThat(fake.pendingUpdateCount()).isZero();
    }

    // ---- plumbing

    private record Answer(int status, String contentType, String body) {
        JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }

        String description() {
            return json().get("description").getAsString();
        }

        int retryAfter() {
            return json().getAsJsonObject("parameters").get("retry_after").getAsInt();
        }
    }

    private Answer call(String method, String form) throws IOException, InterruptedException {
        return post(fake.apiUrl() + fake.validToken() + "/" + method, "application/x-www-form-urlencoded", form);
    }

    private CompletableFuture<HttpResponse<String>> callAsync(String method, String form) {
        return http.sendAsync(request(method, form).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String method, String form) {
        return HttpRequest.newBuilder(URI.create(fake.apiUrl() + fake.validToken() + "/" + method))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
    }

    private Answer post(String url, String contentType, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", contentType)
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    private static String form(String... namesAndValues) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (form.length() > 0) {
                form.append('&');
            }
            form.append(namesAndValues[i]).append('=').append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return form.toString();
    }
}
