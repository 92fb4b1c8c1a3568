package dev.recruitdesk.telegram;

import com.google.gson.JsonParseException;
import com.pengrad.telegrambot.TelegramBot;
import com.pengrad.telegrambot.model.Message;
import com.pengrad.telegrambot.model.Update;
import com.pengrad.telegrambot.model.User;
import com.pengrad.telegrambot.model.request.InlineKeyboardMarkup;
import com.pengrad.telegrambot.model.request.ParseMode;
import com.pengrad.telegrambot.request.AnswerCallbackQuery;
import com.pengrad.telegrambot.request.BaseRequest;
import com.pengrad.telegrambot.request.EditMessageReplyMarkup;
import com.pengrad.telegrambot.request.EditMessageText;
import com.pengrad.telegrambot.request.GetMe;
import com.pengrad.telegrambot.request.GetUpdates;
import com.pengrad.telegrambot.request.SendMessage;
import com.pengrad.telegrambot.response.BaseResponse;
import com.pengrad.telegrambot.response.GetMeResponse;
import com.pengrad.telegrambot.response.GetUpdatesResponse;
import com.pengrad.telegrambot.response.SendResponse;
import com.pengrad.telegrambot.utility.BotUtils;
import dev.recruitdesk.delivery.OutgoingMessage;
import dev.recruitdesk.delivery.SendResult;
import dev.recruitdesk.delivery.Sender;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one adapter around the pengrad client: every Bot API call RecruitDesk makes, each answered with a typed
 * result instead of an exception. As the outbox's {@link Sender} it tells "never left this machine" (safe to retry)
 * apart from "went out, no answer" (may have been delivered). Thread-safe; one instance per bot token.
 */
public final class BotGateway implements Sender, AutoCloseable {

    public static final String PUBLIC_API_URL = "https://api.telegram.org/bot";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(BotGateway.class);
    private static final Pattern TOKEN_SHAPE = Pattern.compile("\\d+:[A-Za-z0-9_-]+");
    /** Telegram always sends retry_after with a 429; this is only a cautious fallback. */
    private static final Duration RETRY_AFTER_FALLBACK = Duration.ofSeconds(5);
    private static final int MAX_ERROR_LENGTH = 300;

    private final String token;
    private final OkHttpClient http;
    private final TelegramBot bot;
    /** The probe of the call running on this thread; pengrad's synchronous execute runs the whole call here. */
    private final ThreadLocal<WireProbe> currentProbe = new ThreadLocal<>();

    /** Talks to the public Bot API with default timeouts. */
    public BotGateway(String token) {
        this(token, PUBLIC_API_URL, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    /**
     * @param apiUrl      base URL ending in {@code /bot}, e.g. {@link #PUBLIC_API_URL} or a sandbox's URL
     * @param readTimeout how long a sent request waits for its answer; getUpdates extends it by its poll timeout
     */
    public BotGateway(String token, String apiUrl, Duration connectTimeout, Duration readTimeout) {
        if (token == null || !TOKEN_SHAPE.matcher(token).matches()) {
            throw new IllegalArgumentException("Not a bot token (expected digits, a colon and letters)");
        }
        if (apiUrl == null || HttpUrl.parse(apiUrl) == null) {
            throw new IllegalArgumentException("Not an http(s) URL: " + apiUrl);
        }
        this.token = token;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout)
                // OkHttp would silently repeat a POST that failed mid-exchange: a possible duplicate message.
                // Retries are the outbox's decision, made with the ambiguity in view.
                .retryOnConnectionFailure(false)
                .eventListenerFactory(call -> {
                    WireProbe probe = currentProbe.get();
                    return probe != null ? probe : EventListener.NONE;
                })
                .build();
        this.bot = new TelegramBot.Builder(token).apiUrl(apiUrl).okHttpClient(http).build();
        log.info("tg.gateway api={} token={} connectMs={} readMs={}", apiUrl, mask(token),
                connectTimeout.toMillis(), readTimeout.toMillis());
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        SendMessage request = new SendMessage(message.chatId(), message.text());
        try {
            if (message.parseMode() != null) {
                request.parseMode(parseMode(message.parseMode()));
            }
            if (message.replyMarkupJson() != null) {
                request.replyMarkup(keyboard(message.replyMarkupJson()));
            }
        } catch (IllegalArgumentException | JsonParseException e) {
            SendResult result = SendResult.failure(SendResult.Outcome.BAD_REQUEST, "unusable message: " + e.getMessage(), Duration.ZERO);
            log.warn("tg.send chat={} outcome={} error={}", message.chatId(), result.outcome(), result.error());
            return result;
        }
        CallResult<SendResponse> call = execute(request);
        SendResult result = toSendResult(call);
        if (result.outcome() == SendResult.Outcome.SENT) {
            log.info("tg.send chat={} outcome=SENT messageId={} ms={}", message.chatId(), result.messageId(), result.latency().toMillis());
        } else {
            log.warn("tg.send chat={} outcome={} ms={} error={}", message.chatId(), result.outcome(), result.latency().toMillis(), result.error());
        }
        return result;
    }

    /** Who the token belongs to; the "test connection" and --self-test check. */
    public CallResult<BotIdentity> getMe() {
        CallResult<GetMeResponse> call = execute(new GetMe());
        CallResult<BotIdentity> result;
        if (call.isOk() && call.value().user() != null) {
            User user = call.value().user();
            result = CallResult.ok(new BotIdentity(user.id(), user.username(), user.firstName()), call.latency());
        } else if (call.isOk()) {
            result = new CallResult<>(CallResult.Outcome.TRANSIENT, null, null, "getMe answered without a user", call.latency());
        } else {
            result = call.failure();
        }
        logCall("getMe", result);
        return result;
    }

    /** Stops the button's progress bar; {@code text} (≤ 200 characters) is shown as a toast, or nothing if null. */
    public CallResult<Void> answerCallbackQuery(String callbackQueryId, String text) {
        AnswerCallbackQuery request = new AnswerCallbackQuery(callbackQueryId);
        if (text != null) {
            request.text(text);
        }
        CallResult<Void> result = withoutValue(execute(request));
        logCall("answerCallbackQuery", result);
        return result;
    }

    /**
     * Replaces the text (and keyboard) of a message the bot sent. Without {@code replyMarkupJson} the keyboard is
     * removed. "Message is not modified" counts as success, so repeating an edit is harmless.
     */
    public CallResult<Void> editMessageText(long chatId, int messageId, String text, String parseMode, String replyMarkupJson) {
        EditMessageText request = new EditMessageText(chatId, messageId, text);
        try {
            if (parseMode != null) {
                request.parseMode(parseMode(parseMode));
            }
            if (replyMarkupJson != null) {
                request.replyMarkup(keyboard(replyMarkupJson));
            }
        } catch (IllegalArgumentException | JsonParseException e) {
            return unusable("editMessageText", e);
        }
        CallResult<Void> result = notModifiedIsOk(execute(request));
        logCall("editMessageText", result);
        return result;
    }

    /** Replaces the keyboard of a message the bot sent; {@code null} removes it. "Not modified" counts as success. */
    public CallResult<Void> editMessageReplyMarkup(long chatId, int messageId, String replyMarkupJson) {
        EditMessageReplyMarkup request = new EditMessageReplyMarkup(chatId, messageId);
        try {
            if (replyMarkupJson != null) {
                request.replyMarkup(keyboard(replyMarkupJson));
            }
        } catch (IllegalArgumentException | JsonParseException e) {
            return unusable("editMessageReplyMarkup", e);
        }
        CallResult<Void> result = notModifiedIsOk(execute(request));
        logCall("editMessageReplyMarkup", result);
        return result;
    }

    /**
     * One long poll. {@code offset} confirms every update below it. A poll that went unanswered is
     * {@link CallResult.Outcome#TRANSIENT}: nothing was confirmed, so polling again with the same offset is safe.
     */
    public CallResult<List<Update>> getUpdates(int offset, int limit, int timeoutSeconds) {
        GetUpdates request = new GetUpdates().offset(offset).limit(limit).timeout(timeoutSeconds);
        CallResult<GetUpdatesResponse> call = execute(request);
        CallResult<List<Update>> result;
        if (call.isOk()) {
            List<Update> updates = call.value().updates();
            result = CallResult.ok(updates == null ? List.of() : List.copyOf(updates), call.latency());
        } else if (call.outcome() == CallResult.Outcome.NO_ANSWER) {
            result = new CallResult<>(CallResult.Outcome.TRANSIENT, null, null, call.error(), call.latency());
        } else {
            result = call.failure();
        }
        if (result.isOk()) {
            log.debug("tg.call method=getUpdates offset={} updates={} ms={}", offset, result.value().size(), result.latency().toMillis());
        } else {
            logCall("getUpdates", result);
        }
        return result;
    }

    /**
     * Ends every getUpdates long poll in progress; each returns {@link CallResult.Outcome#TRANSIENT} at once and
     * confirms nothing. The poller's stop uses it so that shutting down does not wait out a 50-second poll.
     */
    public void cancelGetUpdates() {
        for (Call call : http.dispatcher().runningCalls()) {
            if (call.request().url().encodedPath().endsWith("/getUpdates")) {
                call.cancel();
            }
        }
    }

    /** The numeric prefix of the token: the bot's user id, safe to store and log. */
    public long botId() {
        return Long.parseLong(token.substring(0, token.indexOf(':')));
    }

    /** Stops pengrad's dispatcher and drops pooled connections. */
    @Override
    public void close() {
        bot.shutdown();
        http.connectionPool().evictAll();
        log.info("tg.gateway closed token={}", mask(token));
    }

    /** The token as it may appear in logs and screens: its last four characters. */
    public static String mask(String token) {
        return token == null || token.length() <= 4 ? "****" : "…" + token.substring(token.length() - 4);
    }

    // ---- the one place a call is made and classified

    private <R extends BaseResponse> CallResult<R> execute(BaseRequest<?, R> request) {
        WireProbe probe = new WireProbe();
        currentProbe.set(probe);
        long start = System.nanoTime();
        try {
            R response = bot.execute(request);
            Duration latency = since(start);
            if (response == null) {
                return new CallResult<>(CallResult.Outcome.TRANSIENT, null, null, "empty answer", latency);
            }
            return response.isOk() ? CallResult.ok(response, latency) : fromError(response, latency);
        } catch (JsonParseException e) {
            // A proxy's HTML error page (e.g. 502): pengrad passes the Gson failure through unwrapped.
            return new CallResult<>(CallResult.Outcome.TRANSIENT, null, null, shorten("answer is not JSON: " + e.getMessage()), since(start));
        } catch (RuntimeException e) {
            // pengrad wraps every IOException of the synchronous path in a RuntimeException.
            IOException io = ioCause(e);
            if (io == null) {
                throw e;
            }
            CallResult.Outcome outcome = probe.requestSent() ? CallResult.Outcome.NO_ANSWER : CallResult.Outcome.TRANSIENT;
            String error = io.getClass().getSimpleName() + ": " + io.getMessage() + "; wire=" + probe.stage();
            return new CallResult<>(outcome, null, null, shorten(error), since(start));
        } finally {
            currentProbe.remove();
        }
    }

    private static <R> CallResult<R> fromError(BaseResponse response, Duration latency) {
        int code = response.errorCode();
        String description = response.description() == null ? "" : response.description();
        String error = code + " " + description;
        if (code == 429) {
            Integer seconds = response.parameters() == null ? null : response.parameters().retryAfter();
            Duration wait = seconds == null || seconds < 1 ? RETRY_AFTER_FALLBACK : Duration.ofSeconds(seconds);
            return new CallResult<>(CallResult.Outcome.RETRY_AFTER, null, wait, error, latency);
        }
        return new CallResult<>(classify(code, description), null, null, error, latency);
    }

    private static CallResult.Outcome classify(int code, String description) {
        if (code >= 500) {
            return CallResult.Outcome.TRANSIENT;
        }
        if (code == 401 || code == 404) {
            return CallResult.Outcome.BAD_TOKEN;
        }
        if (code == 403 || (code == 400 && description.contains("chat not found"))) {
            return CallResult.Outcome.UNREACHABLE;
        }
        if (code == 409) {
            return CallResult.Outcome.CONFLICT;
        }
        // An answer outside the documented codes is treated as a passing fault rather than a verdict on the request.
        return code >= 400 ? CallResult.Outcome.BAD_REQUEST : CallResult.Outcome.TRANSIENT;
    }

    private static SendResult toSendResult(CallResult<SendResponse> call) {
        Duration latency = call.latency();
        switch (call.outcome()) {
            case OK:
                Message message = call.value().message();
                return message == null || message.messageId() == null
                        ? new SendResult(SendResult.Outcome.SENT, null, null, "accepted without a message id", latency)
                        : SendResult.sent(message.messageId(), latency);
            case RETRY_AFTER:
                return SendResult.retryAfter(call.retryAfter(), call.error(), latency);
            case NO_ANSWER:
                return SendResult.failure(SendResult.Outcome.MAYBE_DELIVERED, call.error(), latency);
            case UNREACHABLE:
                return SendResult.failure(SendResult.Outcome.UNREACHABLE, call.error(), latency);
            case BAD_REQUEST:
                return SendResult.failure(SendResult.Outcome.BAD_REQUEST, call.error(), latency);
            case BAD_TOKEN:
                return SendResult.failure(SendResult.Outcome.BAD_TOKEN, call.error(), latency);
            case TRANSIENT:
            case CONFLICT:
            default:
                return SendResult.failure(SendResult.Outcome.TRANSIENT, call.error(), latency);
        }
    }

    private static CallResult<Void> withoutValue(CallResult<? extends BaseResponse> call) {
        return call.isOk() ? CallResult.ok(null, call.latency()) : call.failure();
    }

    private static CallResult<Void> notModifiedIsOk(CallResult<? extends BaseResponse> call) {
        if (call.outcome() == CallResult.Outcome.BAD_REQUEST && call.error() != null
                && call.error().contains("message is not modified")) {
            return CallResult.ok(null, call.latency());
        }
        return withoutValue(call);
    }

    private static CallResult<Void> unusable(String method, RuntimeException e) {
        CallResult<Void> result = new CallResult<>(CallResult.Outcome.BAD_REQUEST, null, null, "unusable request: " + e.getMessage(), Duration.ZERO);
        logCall(method, result);
        return result;
    }

    private static void logCall(String method, CallResult<?> result) {
        if (result.isOk()) {
            log.info("tg.call method={} outcome=OK ms={}", method, result.latency().toMillis());
        } else {
            log.warn("tg.call method={} outcome={} ms={} error={}", method, result.outcome(), result.latency().toMillis(), result.error());
        }
    }

    private static ParseMode parseMode(String name) {
        for (ParseMode mode : ParseMode.values()) {
            if (mode.name().equalsIgnoreCase(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown parse mode " + name);
    }

    /** Bot API reply_markup JSON to pengrad's keyboard; pengrad's own Gson writes it back the same way. */
    static InlineKeyboardMarkup keyboard(String replyMarkupJson) {
        InlineKeyboardMarkup markup = BotUtils.GSON.fromJson(replyMarkupJson, InlineKeyboardMarkup.class);
        if (markup == null || markup.inlineKeyboard() == null) {
            throw new IllegalArgumentException("reply_markup is not an inline keyboard");
        }
        return markup;
    }

    private static IOException ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return (IOException) t;
            }
        }
        return null;
    }

    private String shorten(String error) {
        String safe = error.replace(token, mask(token));
        return safe.length() <= MAX_ERROR_LENGTH ? safe : safe.substring(0, MAX_ERROR_LENGTH) + "…";
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
