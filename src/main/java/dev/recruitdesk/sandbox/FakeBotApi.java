package dev.recruitdesk.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A real HTTP server on loopback speaking the Bot API subset RecruitDesk uses (getMe, sendMessage, editMessageText,
 * editMessageReplyMarkup, answerCallbackQuery, getUpdates, deleteWebhook) with the real JSON shapes and error
 * envelopes, scripted faults and Telegram's flood limits. It stands in for Telegram in sandbox mode and in tests.
 * All methods are thread-safe.
 */
public final class FakeBotApi implements AutoCloseable {

    static {
        // Without TCP_NODELAY the JDK HTTP server stalls every answer ~40 ms (Nagle against delayed ACK); the
        // property is read once when the server classes load, so it must be set before the first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    public static final String DEFAULT_TOKEN = "1000001:sandbox-recruitdesk-token";
    public static final String BOT_USERNAME = "recruitdesk_sandbox_bot";
    public static final String BOT_FIRST_NAME = "RecruitDesk Sandbox";

    static final String CONFLICT =
            "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";
    static final String NOT_MODIFIED = "Bad Request: message is not modified: specified new message content and reply"
            + " markup are exactly the same as a current content and reply markup of the message";
    static final String QUERY_TOO_OLD =
            "Bad Request: query is too old and response timeout expired or query ID is invalid";

    private static final Logger log = LoggerFactory.getLogger(FakeBotApi.class);
    private static final Set<String> METHODS = Set.of("getme", "sendmessage", "editmessagetext",
            "editmessagereplymarkup", "answercallbackquery", "getupdates", "deletewebhook");
    private static final Set<String> PARSE_MODES = Set.of("HTML", "Markdown", "MarkdownV2");
    private static final int MAX_POLL_SECONDS = 50;
    private static final int MAX_TEXT_LENGTH = 4096;
    private static final int MAX_CALLBACK_DATA_BYTES = 64;

    private final String token;
    private final long botId;
    private final int port;
    private final ExecutorService executor;
    private final Object serverGuard = new Object();
    private HttpServer server;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<MessageKey, FakeMessage> messages = new LinkedHashMap<>();
    private final Map<Long, Integer> lastMessageIdByChat = new HashMap<>();
    private final Map<Long, FakeUser> usersByChat = new HashMap<>();
    private final Deque<JsonObject> updates = new ArrayDeque<>();
    private final Set<String> openCallbackQueries = new HashSet<>();
    private final List<CallbackAnswer> callbackAnswers = new ArrayList<>();
    private final Map<String, Deque<Fault>> plannedFaults = new HashMap<>();
    private final Map<Long, Fault> chatFaults = new HashMap<>();
    private final FloodLimits limits = new FloodLimits();
    private boolean limitsEnforced;
    private int lastUpdateId;
    private long lastCallbackQueryId = 4_382_000_000_000_000L;
    private Poll pendingPoll;
    /** Bumped when the fake goes offline or closes, so that held long polls and stalls give up. */
    private int generation;
    private boolean closed;

    private final AtomicInteger sendMessageRequests = new AtomicInteger();
    private final Map<String, AtomicInteger> requestsByMethod = new ConcurrentHashMap<>();
    private final AtomicInteger tooManyRequestsAnswered = new AtomicInteger();
    private final List<Consumer<FakeMessage>> listeners = new CopyOnWriteArrayList<>();

    private FakeBotApi(int port, String token) {
        this.token = Objects.requireNonNull(token, "token");
        this.botId = botIdOf(token);
        AtomicInteger threads = new AtomicInteger();
        // Cached: every held long poll and stall occupies a thread until answered.
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-bot-api-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.server = bind(port);
        this.port = server.getAddress().getPort();
    }

    /** Starts on any free loopback port with {@link #DEFAULT_TOKEN}. */
    public static FakeBotApi start() {
        return start(0);
    }

    public static FakeBotApi start(int port) {
        return start(port, DEFAULT_TOKEN);
    }

    public static FakeBotApi start(int port, String token) {
        FakeBotApi api = new FakeBotApi(port, token);
        log.info("fake.start url={} token={}", api.apiUrl(), mask(token));
        return api;
    }

    /** The base URL a client appends {@code <token>/<method>} to, e.g. {@code http://127.0.0.1:PORT/bot}. */
    public String apiUrl() {
        return "http://127.0.0.1:" + port + "/bot";
    }

    public int port() {
        return port;
    }

    /** The only token the fake accepts; any other is answered 401 Unauthorized. */
    public String validToken() {
        return token;
    }

    // ---- what the bot sent

    /** Every message accepted for {@code chatId}, oldest first, with edits applied. */
    public List<FakeMessage> messagesTo(long chatId) {
        lock.lock();
        try {
            return messages.values().stream().filter(m -> m.chatId() == chatId).toList();
        } finally {
            lock.unlock();
        }
    }

    /** Every message accepted, in the order accepted, with edits applied. */
    public List<FakeMessage> allMessages() {
        lock.lock();
        try {
            return List.copyOf(messages.values());
        } finally {
            lock.unlock();
        }
    }

    /** Messages accepted (recorded), including those whose answer was stalled. */
    public int sentCount() {
        lock.lock();
        try {
            return messages.size();
        } finally {
            lock.unlock();
        }
    }

    /** sendMessage requests received with the valid token, whatever the answer. */
    public int sendMessageRequests() {
        return sendMessageRequests.get();
    }

    /** Requests of {@code method} (e.g. {@code getUpdates}) received with any token, whatever the answer. */
    public int requests(String method) {
        AtomicInteger count = requestsByMethod.get(method.toLowerCase(Locale.ROOT));
        return count == null ? 0 : count.get();
    }

    /** 429 answers given, by fault or by flood limits. */
    public int tooManyRequestsAnswered() {
        return tooManyRequestsAnswered.get();
    }

    public List<CallbackAnswer> callbackAnswers() {
        lock.lock();
        try {
            return List.copyOf(callbackAnswers);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Calls {@code listener} on the server thread for every accepted message and every edit, with the message's new
     * state. Returns an action that removes the listener.
     */
    public Runnable onMessage(Consumer<FakeMessage> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    // ---- what users do

    /** Queues a text message from {@code from} for getUpdates; returns its update_id. */
    public int enqueueText(FakeUser from, String text) {
        Objects.requireNonNull(text, "text");
        lock.lock();
        try {
            usersByChat.put(from.chatId(), from);
            int messageId = lastMessageIdByChat.merge(from.chatId(), 1, Integer::sum);
            JsonObject message = new JsonObject();
            message.addProperty("message_id", messageId);
            message.add("from", userJson(from));
            message.add("chat", chatJson(from.chatId()));
            message.addProperty("date", Instant.now().getEpochSecond());
            message.addProperty("text", text);
            if (text.startsWith("/")) {
                int end = text.indexOf(' ');
                JsonObject command = new JsonObject();
                command.addProperty("offset", 0);
                command.addProperty("length", end < 0 ? text.length() : end);
                command.addProperty("type", "bot_command");
                JsonArray entities = new JsonArray();
                entities.add(command);
                message.add("entities", entities);
            }
            return enqueue("message", message);
        } finally {
            lock.unlock();
        }
    }

    /** Queues {@code /start payload} (a deep link), or a bare {@code /start} when payload is null. */
    public int enqueueStart(FakeUser from, String payload) {
        return enqueueText(from, payload == null || payload.isEmpty() ? "/start" : "/start " + payload);
    }

    /**
     * Queues a press of an inline button on the bot's message {@code messageId} in the user's chat and returns the
     * callback query id. The data is not checked against the keyboard, so tests can forge presses.
     */
    public String pressButton(FakeUser from, int messageId, String data) {
        lock.lock();
        try {
            FakeMessage pressed = messages.get(new MessageKey(from.chatId(), messageId));
            if (pressed == null) {
                throw new IllegalArgumentException("no bot message " + messageId + " in chat " + from.chatId());
            }
            usersByChat.put(from.chatId(), from);
            String id = Long.toString(++lastCallbackQueryId);
            openCallbackQueries.add(id);
            JsonObject query = new JsonObject();
            query.addProperty("id", id);
            query.add("from", userJson(from));
            query.add("message", messageJson(pressed));
            query.addProperty("chat_instance", Long.toString(from.chatId() * 31 + botId));
            query.addProperty("data", data);
            enqueue("callback_query", query);
            return id;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Queues an update of any shape: {@code field} is the Update field ({@code message}, {@code edited_message},
     * {@code channel_post}, …) and {@code payloadJson} its object, sent as given (a sticker, a photo, a group chat,
     * a field Telegram added last month). Returns its update_id.
     */
    public int enqueueRaw(String field, String payloadJson) {
        Objects.requireNonNull(field, "field");
        JsonElement payload = JsonParser.parseString(payloadJson);
        if (!payload.isJsonObject()) {
            throw new IllegalArgumentException("an update's payload is a JSON object");
        }
        lock.lock();
        try {
            return enqueue(field, payload.getAsJsonObject());
        } finally {
            lock.unlock();
        }
    }

    /** Updates queued and not yet confirmed by a getUpdates with a higher offset. */
    public int pendingUpdateCount() {
        lock.lock();
        try {
            return updates.size();
        } finally {
            lock.unlock();
        }
    }

    /** Whether a getUpdates long poll is being held right now. */
    public boolean pollPending() {
        lock.lock();
        try {
            return pendingPoll != null;
        } finally {
            lock.unlock();
        }
    }

    // ---- faults and limits

    /** The next {@code times} sendMessage requests get {@code fault}. */
    public void failNext(Fault fault, int times) {
        failNext("sendMessage", fault, times);
    }

    /** The next {@code times} calls of {@code method} get {@code fault}; planned faults run before chat faults. */
    public void failNext(String method, Fault fault, int times) {
        Objects.requireNonNull(fault, "fault");
        lock.lock();
        try {
            Deque<Fault> plan = plannedFaults.computeIfAbsent(method.toLowerCase(Locale.ROOT), m -> new ArrayDeque<>());
            for (int i = 0; i < times; i++) {
                plan.addLast(fault);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Every request naming {@code chatId} gets {@code fault} until {@link #clearFaults()}, e.g. a blocked user. */
    public void failChat(long chatId, Fault fault) {
        lock.lock();
        try {
            chatFaults.put(chatId, Objects.requireNonNull(fault, "fault"));
        } finally {
            lock.unlock();
        }
    }

    public void clearFaults() {
        lock.lock();
        try {
            plannedFaults.clear();
            chatFaults.clear();
        } finally {
            lock.unlock();
        }
    }

    /** Answers excess sendMessage calls with 429 and retry_after, as Telegram's flood control does. */
    public void enforceLimits(boolean enforced) {
        lock.lock();
        try {
            limitsEnforced = enforced;
        } finally {
            lock.unlock();
        }
    }

    /** Defaults: 30 messages per second overall, 1 s between messages to one chat. */
    public void setLimits(int globalPerSecond, Duration perChatInterval) {
        lock.lock();
        try {
            limits.configure(globalPerSecond, perChatInterval);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes the listening socket and every open connection, so connections are refused, as when the API host is
     * down. State is kept; {@link #goOnline()} listens on the same port again.
     */
    public void goOffline() {
        HttpServer stopping;
        synchronized (serverGuard) {
            stopping = server;
            server = null;
        }
        if (stopping == null) {
            return;
        }
        abandonHeldExchanges();
        stopping.stop(0);
        log.info("fake.offline port={}", port);
    }

    public void goOnline() {
        synchronized (serverGuard) {
            if (server != null || isClosed()) {
                return;
            }
            server = bind(port);
        }
        log.info("fake.online port={}", port);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            lock.unlock();
        }
        goOffline();
        listeners.clear();
        executor.shutdownNow();
        log.info("fake.closed port={}", port);
    }

    // ---- HTTP

    private HttpServer bind(int onPort) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 64);
            s.setExecutor(executor);
            s.createContext("/", this::handle);
            s.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + onPort, e);
        }
    }

    private void handle(HttpExchange exchange) {
        try {
            Reply reply = answer(exchange);
            if (reply != null) {
                byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", reply.contentType());
                exchange.sendResponseHeaders(reply.status(), body.length);
                exchange.getResponseBody().write(body);
            }
        } catch (IOException e) {
            log.debug("fake.exchange aborted: {}", e.toString());
        } finally {
            // Without a response sent this closes the connection: the client sees the request go unanswered.
            exchange.close();
        }
    }

    private Reply answer(HttpExchange exchange) throws IOException {
        Map<String, String> params = RequestParams.read(exchange);
        String path = exchange.getRequestURI().getPath();
        int slash = path.indexOf('/', 4);
        if (!path.startsWith("/bot") || slash < 0) {
            return error(404, "Not Found");
        }
        String callerToken = path.substring(4, slash);
        String method = path.substring(slash + 1);
        requestsByMethod.computeIfAbsent(method.toLowerCase(Locale.ROOT), m -> new AtomicInteger()).incrementAndGet();
        if (!token.equals(callerToken)) {
            log.info("fake.call method={} token={} status=401", method, mask(callerToken));
            return error(401, "Unauthorized");
        }
        String key = method.toLowerCase(Locale.ROOT);
        if (!METHODS.contains(key)) {
            log.info("fake.call method={} status=404", method);
            return error(404, "Not Found");
        }
        if (key.equals("sendmessage")) {
            sendMessageRequests.incrementAndGet();
        }
        Fault fault = takeFault(key, params);
        if (fault != null && fault.kind() != Fault.Kind.STALL) {
            log.info("fake.fault method={} chat={} fault={}", method, params.get("chat_id"), fault);
            return faultReply(fault);
        }
        Reply reply;
        try {
            reply = dispatch(key, params);
        } catch (ApiError e) {
            reply = error(e.status, e.getMessage());
        } catch (RuntimeException e) {
            log.warn("fake.call method={} failed", method, e);
            reply = error(500, "Internal Server Error");
        }
        if (fault != null) {
            log.info("fake.fault method={} chat={} fault={}", method, params.get("chat_id"), fault);
            if (!hold(fault.hold())) {
                return null;
            }
        }
        if (reply != null && reply.status() != 200) {
            log.info("fake.call method={} chat={} status={} error={}", method, params.get("chat_id"), reply.status(), reply.body());
        }
        return reply;
    }

    private Reply dispatch(String method, Map<String, String> params) {
        switch (method) {
            case "getme":
                return ok(botUserJson());
            case "sendmessage":
                return sendMessage(params);
            case "editmessagetext":
                return editMessageText(params);
            case "editmessagereplymarkup":
                return editMessageReplyMarkup(params);
            case "answercallbackquery":
                return answerCallbackQuery(params);
            case "getupdates":
                return getUpdates(params);
            case "deletewebhook":
                return deleteWebhook(params);
            default:
                throw new IllegalStateException("unrouted method " + method);
        }
    }

    // ---- methods

    private Reply sendMessage(Map<String, String> params) {
        long chatId = chatId(params);
        String text = text(params);
        String parseMode = parseMode(params);
        String markup = replyMarkup(params);
        FakeMessage sent;
        JsonObject result;
        lock.lock();
        try {
            if (limitsEnforced) {
                int waitSeconds = limits.admit(chatId, System.nanoTime());
                if (waitSeconds > 0) {
                    log.info("fake.limit chat={} retryAfter={}", chatId, waitSeconds);
                    return faultReply(Fault.tooManyRequests(waitSeconds));
                }
            }
            int messageId = lastMessageIdByChat.merge(chatId, 1, Integer::sum);
            sent = new FakeMessage(chatId, messageId, text, parseMode, markup, Instant.now(), 0);
            messages.put(new MessageKey(chatId, messageId), sent);
            result = messageJson(sent);
        } finally {
            lock.unlock();
        }
        log.debug("fake.sent chat={} messageId={}", chatId, sent.messageId());
        notifyListeners(sent);
        return ok(result);
    }

    private Reply editMessageText(Map<String, String> params) {
        long chatId = chatId(params);
        int messageId = messageId(params);
        String text = text(params);
        String parseMode = parseMode(params);
        // As in Telegram, an edit without reply_markup removes the keyboard.
        String markup = replyMarkup(params);
        return edit(chatId, messageId, current -> {
            if (current.text().equals(text) && Objects.equals(current.replyMarkupJson(), markup)) {
                throw new ApiError(400, NOT_MODIFIED);
            }
            return current.edited(text, parseMode, markup);
        });
    }

    private Reply editMessageReplyMarkup(Map<String, String> params) {
        long chatId = chatId(params);
        int messageId = messageId(params);
        String markup = replyMarkup(params);
        return edit(chatId, messageId, current -> {
            if (Objects.equals(current.replyMarkupJson(), markup)) {
                throw new ApiError(400, NOT_MODIFIED);
            }
            return current.edited(current.text(), current.parseMode(), markup);
        });
    }

    private Reply edit(long chatId, int messageId, UnaryOperator<FakeMessage> change) {
        FakeMessage edited;
        JsonObject result;
        lock.lock();
        try {
            MessageKey key = new MessageKey(chatId, messageId);
            FakeMessage current = messages.get(key);
            if (current == null) {
                throw new ApiError(400, "Bad Request: message to edit not found");
            }
            edited = change.apply(current);
            messages.put(key, edited);
            result = messageJson(edited);
            result.addProperty("edit_date", Instant.now().getEpochSecond());
        } finally {
            lock.unlock();
        }
        notifyListeners(edited);
        return ok(result);
    }

    private Reply answerCallbackQuery(Map<String, String> params) {
        String id = params.get("callback_query_id");
        if (id == null || id.isEmpty()) {
            throw new ApiError(400, "Bad Request: parameter \"callback_query_id\" is required");
        }
        lock.lock();
        try {
            if (!openCallbackQueries.remove(id)) {
                throw new ApiError(400, QUERY_TOO_OLD);
            }
            callbackAnswers.add(new CallbackAnswer(id, params.get("text"), Boolean.parseBoolean(params.get("show_alert")), Instant.now()));
        } finally {
            lock.unlock();
        }
        return ok(new JsonPrimitive(true));
    }

    /**
     * Long poll: confirms updates below {@code offset}, then waits up to {@code timeout} seconds (at most 50) for
     * one. A newer getUpdates ends the held one with 409 Conflict, as the real server does.
     */
    private Reply getUpdates(Map<String, String> params) {
        int offset = intParam(params, "offset", 0);
        int limit = Math.max(1, Math.min(100, intParam(params, "limit", 100)));
        int timeoutSeconds = Math.max(0, Math.min(MAX_POLL_SECONDS, intParam(params, "timeout", 0)));
        Poll poll = new Poll();
        lock.lock();
        try {
            confirmBelow(offset);
            if (pendingPoll != null) {
                pendingPoll.conflicted = true;
                changed.signalAll();
            }
            pendingPoll = poll;
            int myGeneration = generation;
            long remaining = TimeUnit.SECONDS.toNanos(timeoutSeconds);
            try {
                while (updates.isEmpty() && !poll.conflicted && myGeneration == generation && remaining > 0) {
                    remaining = changed.awaitNanos(remaining);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } finally {
                if (pendingPoll == poll) {
                    pendingPoll = null;
                }
            }
            if (myGeneration != generation) {
                return null;
            }
            if (poll.conflicted) {
                log.info("fake.poll conflict: a newer getUpdates arrived");
                return error(409, CONFLICT);
            }
            JsonArray result = new JsonArray();
            updates.stream().limit(limit).forEach(result::add);
            return ok(result);
        } finally {
            lock.unlock();
        }
    }

    private Reply deleteWebhook(Map<String, String> params) {
        if (Boolean.parseBoolean(params.get("drop_pending_updates"))) {
            lock.lock();
            try {
                updates.clear();
            } finally {
                lock.unlock();
            }
        }
        return ok(new JsonPrimitive(true));
    }

    // ---- helpers (callers hold the lock where state is touched)

    private int enqueue(String kind, JsonObject payload) {
        JsonObject update = new JsonObject();
        update.addProperty("update_id", ++lastUpdateId);
        update.add(kind, payload);
        updates.addLast(update);
        changed.signalAll();
        return lastUpdateId;
    }

    /** Telegram semantics: a positive offset confirms every update below it; a negative one keeps the last -offset. */
    private void confirmBelow(int offset) {
        if (offset > 0) {
            updates.removeIf(u -> u.get("update_id").getAsInt() < offset);
        } else if (offset < 0) {
            while (updates.size() > -offset) {
                updates.pollFirst();
            }
        }
    }

    private Fault takeFault(String method, Map<String, String> params) {
        lock.lock();
        try {
            Deque<Fault> plan = plannedFaults.get(method);
            if (plan != null && !plan.isEmpty()) {
                return plan.pollFirst();
            }
            String chat = params.get("chat_id");
            if (chat != null && !chatFaults.isEmpty()) {
                try {
                    return chatFaults.get(Long.parseLong(chat.trim()));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    private Reply faultReply(Fault fault) {
        if (fault.kind() == Fault.Kind.HTML_ERROR) {
            return new Reply(fault.status(), "text/html", fault.description());
        }
        JsonObject body = errorJson(fault.status(), fault.description());
        if (fault.retryAfterSeconds() != null) {
            tooManyRequestsAnswered.incrementAndGet();
            JsonObject parameters = new JsonObject();
            parameters.addProperty("retry_after", fault.retryAfterSeconds());
            body.add("parameters", parameters);
        }
        return new Reply(fault.status(), "application/json", body.toString());
    }

    /** Holds a stalled exchange; false when the fake went offline or closed meanwhile (then nothing is answered). */
    private boolean hold(Duration duration) {
        lock.lock();
        try {
            int myGeneration = generation;
            long remaining = duration.toNanos();
            while (myGeneration == generation && remaining > 0) {
                remaining = changed.awaitNanos(remaining);
            }
            return myGeneration == generation;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    private void abandonHeldExchanges() {
        lock.lock();
        try {
            generation++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    private void notifyListeners(FakeMessage message) {
        for (Consumer<FakeMessage> listener : listeners) {
            try {
                listener.accept(message);
            } catch (RuntimeException e) {
                log.warn("fake.listener failed", e);
            }
        }
    }

    private static long chatId(Map<String, String> params) {
        String chat = params.get("chat_id");
        if (chat == null || chat.isBlank()) {
            throw new ApiError(400, "Bad Request: chat_id is empty");
        }
        try {
            return Long.parseLong(chat.trim());
        } catch (NumberFormatException e) {
            throw new ApiError(400, "Bad Request: chat not found");
        }
    }

    private static int messageId(Map<String, String> params) {
        String id = params.get("message_id");
        if (id == null || id.isBlank()) {
            throw new ApiError(400, "Bad Request: message identifier is not specified");
        }
        try {
            return Integer.parseInt(id.trim());
        } catch (NumberFormatException e) {
            throw new ApiError(400, "Bad Request: message to edit not found");
        }
    }

    private static String text(Map<String, String> params) {
        String text = params.get("text");
        if (text == null || text.isBlank()) {
            throw new ApiError(400, "Bad Request: message text is empty");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new ApiError(400, "Bad Request: message is too long");
        }
        return text;
    }

    private static String parseMode(Map<String, String> params) {
        String mode = params.get("parse_mode");
        if (mode == null || mode.isEmpty()) {
            return null;
        }
        for (String known : PARSE_MODES) {
            if (known.equalsIgnoreCase(mode)) {
                return known;
            }
        }
        throw new ApiError(400, "Bad Request: unsupported parse_mode");
    }

    /** Compact JSON of a valid inline keyboard, or null when absent. */
    private static String replyMarkup(Map<String, String> params) {
        String json = params.get("reply_markup");
        if (json == null || json.isBlank()) {
            return null;
        }
        JsonElement markup;
        try {
            markup = JsonParser.parseString(json);
        } catch (JsonParseException e) {
            throw new ApiError(400, "Bad Request: can't parse reply keyboard markup JSON object");
        }
        if (!markup.isJsonObject() || !markup.getAsJsonObject().has("inline_keyboard")
                || !markup.getAsJsonObject().get("inline_keyboard").isJsonArray()) {
            throw new ApiError(400, "Bad Request: can't parse reply keyboard markup JSON object");
        }
        for (JsonElement row : markup.getAsJsonObject().getAsJsonArray("inline_keyboard")) {
            if (!row.isJsonArray()) {
                throw new ApiError(400, "Bad Request: can't parse reply keyboard markup JSON object");
            }
            for (JsonElement button : row.getAsJsonArray()) {
                if (!button.isJsonObject() || !button.getAsJsonObject().has("text")) {
                    throw new ApiError(400, "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
                }
                JsonElement data = button.getAsJsonObject().get("callback_data");
                if (data != null) {
                    int bytes = data.getAsString().getBytes(StandardCharsets.UTF_8).length;
                    if (bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES) {
                        throw new ApiError(400, "Bad Request: BUTTON_DATA_INVALID");
                    }
                }
            }
        }
        return markup.toString();
    }

    private static int intParam(Map<String, String> params, String name, int fallback) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ApiError(400, "Bad Request: invalid " + name);
        }
    }

    private JsonObject messageJson(FakeMessage m) {
        JsonObject message = new JsonObject();
        message.addProperty("message_id", m.messageId());
        message.add("from", botUserJson());
        message.add("chat", chatJson(m.chatId()));
        message.addProperty("date", m.sentAt().getEpochSecond());
        message.addProperty("text", m.text());
        if (m.replyMarkupJson() != null) {
            message.add("reply_markup", JsonParser.parseString(m.replyMarkupJson()));
        }
        return message;
    }

    private JsonObject chatJson(long chatId) {
        JsonObject chat = new JsonObject();
        chat.addProperty("id", chatId);
        chat.addProperty("type", "private");
        FakeUser user = usersByChat.get(chatId);
        if (user != null) {
            chat.addProperty("first_name", user.firstName());
            if (user.username() != null) {
                chat.addProperty("username", user.username());
            }
        }
        return chat;
    }

    private static JsonObject userJson(FakeUser user) {
        JsonObject json = new JsonObject();
        json.addProperty("id", user.userId());
        json.addProperty("is_bot", false);
        json.addProperty("first_name", user.firstName());
        if (user.username() != null) {
            json.addProperty("username", user.username());
        }
        json.addProperty("language_code", user.languageCode() == null ? "en" : user.languageCode());
        return json;
    }

    private JsonObject botUserJson() {
        JsonObject bot = new JsonObject();
        bot.addProperty("id", botId);
        bot.addProperty("is_bot", true);
        bot.addProperty("first_name", BOT_FIRST_NAME);
        bot.addProperty("username", BOT_USERNAME);
        bot.addProperty("can_join_groups", false);
        bot.addProperty("can_read_all_group_messages", false);
        bot.addProperty("supports_inline_queries", false);
        return bot;
    }

    private static Reply ok(JsonElement result) {
        JsonObject body = new JsonObject();
        body.addProperty("ok", true);
        body.add("result", result);
        return new Reply(200, "application/json", body.toString());
    }

    private static Reply error(int status, String description) {
        return new Reply(status, "application/json", errorJson(status, description).toString());
    }

    private static JsonObject errorJson(int status, String description) {
        JsonObject body = new JsonObject();
        body.addProperty("ok", false);
        body.addProperty("error_code", status);
        body.addProperty("description", description);
        return body;
    }

    private static long botIdOf(String token) {
        int colon = token.indexOf(':');
        try {
            return colon > 0 ? Long.parseLong(token.substring(0, colon)) : 1_000_001L;
        } catch (NumberFormatException e) {
            return 1_000_001L;
        }
    }

    private static String mask(String token) {
        return token == null || token.length() <= 4 ? "****" : "…" + token.substring(token.length() - 4);
    }

    private record Reply(int status, String contentType, String body) {
    }

    private record MessageKey(long chatId, int messageId) {
    }

    /** One held getUpdates call; flagged when a newer one supersedes it. */
    private static final class Poll {
        boolean conflicted;
    }

    /** A Bot API error answer raised from deep inside a method handler. */
    private static final class ApiError extends RuntimeException {
        final int status;

        ApiError(int status, String description) {
            super(description, null, false, false);
            this.status = status;
        }
    }
}
