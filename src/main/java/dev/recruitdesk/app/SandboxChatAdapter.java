package dev.recruitdesk.app;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.recruitdesk.sandbox.FakeBotApi;
import dev.recruitdesk.sandbox.FakeMessage;
import dev.recruitdesk.sandbox.FakeUser;
import dev.recruitdesk.ui.simulator.SandboxChat;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The candidate simulator's {@link SandboxChat} over the in-process fake Telegram and the backend's clock. */
final class SandboxChatAdapter implements SandboxChat {

    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|#[0-9]{1,7});");

    private final FakeBotApi fake;
    private final Backend backend;

    SandboxChatAdapter(FakeBotApi fake, Backend backend) {
        this.fake = Objects.requireNonNull(fake);
        this.backend = Objects.requireNonNull(backend);
    }

    @Override
    public void sendText(ChatUser user, String text) {
        fake.enqueueText(toFake(user), text);
    }

    @Override
    public void press(ChatUser user, int messageId, String data) {
        fake.pressButton(toFake(user), messageId, data);
    }

    @Override
    public List<BotMessage> messagesTo(long chatId) {
        return fake.messagesTo(chatId).stream().map(SandboxChatAdapter::toBotMessage).toList();
    }

    @Override
    public Runnable onMessage(Consumer<BotMessage> listener) {
        return fake.onMessage(m -> listener.accept(toBotMessage(m)));
    }

    @Override
    public Instant now() {
        return backend.context().clock().instant();
    }

    @Override
    public void fastForward(Duration by) {
        backend.fastForward(by);
    }

    @Override
    public Optional<Instant> nextDueMessage() {
        return backend.database().inTransaction(s -> s.doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT MIN(next_attempt_at) FROM outbox_message WHERE status = 'PENDING'")) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Instant>empty();
                    }
                    OffsetDateTime at = rs.getObject(1, OffsetDateTime.class);
                    return Optional.ofNullable(at).map(OffsetDateTime::toInstant);
                }
            }
        }));
    }

    private static FakeUser toFake(ChatUser user) {
        return FakeUser.privateChat(user.userId(), user.firstName(), user.username(), user.languageCode());
    }

    static BotMessage toBotMessage(FakeMessage m) {
        String text = "HTML".equalsIgnoreCase(m.parseMode()) ? plain(m.text()) : m.text();
        return new BotMessage(m.chatId(), m.messageId(), text, buttons(m.replyMarkupJson()), m.editCount());
    }

    /** Telegram HTML as the user reads it: tags dropped, entities decoded. */
    static String plain(String html) {
        Matcher m = ENTITY.matcher(TAG.matcher(html).replaceAll(""));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String c = switch (e) {
                case "lt" -> "<";
                case "gt" -> ">";
                case "amp" -> "&";
                case "quot" -> "\"";
                default -> new String(Character.toChars(Integer.parseInt(e.substring(1))));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(c));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<List<Button>> buttons(String markup) {
        List<List<Button>> rows = new ArrayList<>();
        if (markup == null) {
            return rows;
        }
        JsonArray keyboard = JsonParser.parseString(markup).getAsJsonObject().getAsJsonArray("inline_keyboard");
        if (keyboard == null) {
            return rows;
        }
        for (JsonElement row : keyboard) {
            List<Button> buttons = new ArrayList<>();
            for (JsonElement b : row.getAsJsonArray()) {
                JsonObject o = b.getAsJsonObject();
                buttons.add(new Button(o.get("text").getAsString(),
                        o.has("callback_data") ? o.get("callback_data").getAsString() : null,
                        o.has("url") ? o.get("url").getAsString() : null));
            }
            rows.add(List.copyOf(buttons));
        }
        return List.copyOf(rows);
    }
}
