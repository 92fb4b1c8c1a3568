package dev.recruitdesk.ui.simulator;

import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.TaskRunner;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The candidate simulator: a list of fake candidates, the chat of the selected one (bot bubbles update as the
 * outbox delivers and edits arrive), sending text, pressing inline buttons, and moving the sandbox clock forward.
 * Bot events arrive on any thread and hop to the UI thread through {@code fx}.
 */
public final class SimulatorViewModel implements AutoCloseable {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm");

    private final SandboxChat chat;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final Executor fx;
    private final ZoneId zone;
    private final Runnable unsubscribe;

    private final ObservableList<SandboxChat.ChatUser> users = FXCollections.observableArrayList();
    private final ObjectProperty<SandboxChat.ChatUser> selectedUser = new SimpleObjectProperty<>();
    private final ObservableList<ChatEntry> entries = FXCollections.observableArrayList();
    private final StringProperty draft = new SimpleStringProperty("");
    private final StringProperty newName = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper clockText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final Map<Long, List<ChatEntry>> transcripts = new HashMap<>();
    private final BooleanBinding canSend;
    private final BooleanBinding canCreate;
    private int created;

    public SimulatorViewModel(SandboxChat chat, TaskRunner tasks, I18n i18n, Executor fx, ZoneId zone) {
        this.chat = Objects.requireNonNull(chat);
        this.tasks = Objects.requireNonNull(tasks);
        this.i18n = Objects.requireNonNull(i18n);
        this.fx = Objects.requireNonNull(fx);
        this.zone = Objects.requireNonNull(zone);
        this.canSend = Bindings.createBooleanBinding(() -> selectedUser.get() != null && !draft.get().isBlank(), selectedUser, draft);
        this.canCreate = Bindings.createBooleanBinding(() -> !newName.get().isBlank(), newName);
        selectedUser.addListener((obs, old, now) -> showTranscript(now));
        this.unsubscribe = chat.onMessage(m -> fx.execute(() -> onBotMessage(m)));
        refreshClock(chat.now());
    }

    public ObservableList<SandboxChat.ChatUser> users() {
        return users;
    }

    public ObjectProperty<SandboxChat.ChatUser> selectedUserProperty() {
        return selectedUser;
    }

    public ObservableList<ChatEntry> entries() {
        return entries;
    }

    public StringProperty draftProperty() {
        return draft;
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public ReadOnlyStringProperty clockTextProperty() {
        return clockText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public BooleanBinding canSendProperty() {
        return canSend;
    }

    public BooleanBinding canCreateProperty() {
        return canCreate;
    }

    /** Adds a fake candidate named after the name field (Telegram app in the console's language) and selects it. */
    public void createCandidate() {
        String name = newName.get().strip();
        if (name.isEmpty()) {
            return;
        }
        created++;
        long userId = 700_000_000L + chat.now().getEpochSecond() % 1_000_000L * 10 + created;
        String username = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        SandboxChat.ChatUser user = new SandboxChat.ChatUser(userId, name, username.length() < 5 ? null : username,
                i18n.locale().getLanguage().equals("ru") ? "ru" : "en");
        users.add(user);
        newName.set("");
        selectedUser.set(user);
    }

    /** Sends the draft as the selected candidate. */
    public void send() {
        SandboxChat.ChatUser user = selectedUser.get();
        String text = draft.get().strip();
        if (user == null || text.isEmpty()) {
            return;
        }
        draft.set("");
        append(user.userId(), ChatEntry.mine(text));
        tasks.run(() -> {
            chat.sendText(user, text);
            return null;
        }, ok -> status.set(""), this::fail);
    }

    /** Presses an inline button of a bot bubble; a link button only shows where it leads. */
    public void press(ChatEntry entry, SandboxChat.Button button) {
        SandboxChat.ChatUser user = selectedUser.get();
        if (user == null || !entry.fromBot()) {
            return;
        }
        if (button.data() == null) {
            status.set(i18n.tr("simulator.link", button.url()));
            return;
        }
        tasks.run(() -> {
            chat.press(user, entry.messageId(), button.data());
            return null;
        }, ok -> status.set(""), this::fail);
    }

    public void fastForwardHour() {
        tasks.run(() -> {
            chat.fastForward(Duration.ofHours(1));
            return chat.now();
        }, this::refreshClock, this::fail);
    }

    /** Moves the clock to just past the next queued message's due time; says so when nothing is queued. */
    public void fastForwardToNextReminder() {
        tasks.run(() -> {
            Optional<Instant> next = chat.nextDueMessage();
            Instant now = chat.now();
            if (next.isEmpty()) {
                return Optional.<Instant>empty();
            }
            if (next.get().isAfter(now)) {
                chat.fastForward(Duration.between(now, next.get()).plusSeconds(1));
            }
            return Optional.of(chat.now());
        }, moved -> {
            if (moved.isEmpty()) {
                status.set(i18n.tr("simulator.noReminder"));
            } else {
                status.set("");
                refreshClock(moved.get());
            }
        }, this::fail);
    }

    private void onBotMessage(SandboxChat.BotMessage m) {
        List<ChatEntry> transcript = transcripts.computeIfAbsent(m.chatId(), id -> new ArrayList<>());
        ChatEntry entry = ChatEntry.bot(m);
        int at = indexOf(transcript, m.messageId());
        if (at >= 0) {
            transcript.set(at, entry);
        } else {
            transcript.add(entry);
        }
        SandboxChat.ChatUser user = selectedUser.get();
        if (user != null && user.userId() == m.chatId()) {
            int shown = indexOf(entries, m.messageId());
            if (shown >= 0) {
                entries.set(shown, entry);
            } else {
                entries.add(entry);
            }
        }
    }

    private void append(long chatId, ChatEntry entry) {
        transcripts.computeIfAbsent(chatId, id -> new ArrayList<>()).add(entry);
        SandboxChat.ChatUser user = selectedUser.get();
        if (user != null && user.userId() == chatId) {
            entries.add(entry);
        }
    }

    private void showTranscript(SandboxChat.ChatUser user) {
        entries.setAll(user == null ? List.of() : transcripts.getOrDefault(user.userId(), List.of()));
    }

    private static int indexOf(List<ChatEntry> list, int messageId) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).fromBot() && list.get(i).messageId() == messageId) {
                return i;
            }
        }
        return -1;
    }

    private void refreshClock(Instant now) {
        clockText.set(i18n.tr("simulator.clock", CLOCK.withLocale(i18n.locale()).format(now.atZone(zone))));
    }

    private void fail(Throwable t) {
        status.set(i18n.tr("simulator.failed", String.valueOf(t.getMessage())));
    }

    @Override
    public void close() {
        unsubscribe.run();
    }
}
