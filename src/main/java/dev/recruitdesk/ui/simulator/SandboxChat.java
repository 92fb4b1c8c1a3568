package dev.recruitdesk.ui.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the candidate simulator needs from the sandbox bot: write and press as a fake Telegram user, read what the
 * bot sent, and move the sandbox clock. Implemented in {@code app} over the in-process fake Telegram, so the UI
 * never touches it directly.
 */
public interface SandboxChat {

    /** A simulated candidate's Telegram account. */
    record ChatUser(long userId, String firstName, String username, String languageCode) {
        @Override
        public String toString() {
            return firstName + (username == null ? "" : " (@" + username + ")");
        }
    }

    /** An inline button: a callback ({@code data}) or a link ({@code url}). */
    record Button(String text, String data, String url) {
    }

    /** A bot message in its current state (edits applied), as plain text. */
    record BotMessage(long chatId, int messageId, String text, List<List<Button>> buttons, int editCount) {
    }

    /** Sends {@code text} to the bot as {@code user}. */
    void sendText(ChatUser user, String text);

    /** Presses a button of the bot's message {@code messageId} in the user's chat. */
    void press(ChatUser user, int messageId, String data);

    /** Every bot message in the chat, oldest first. */
    List<BotMessage> messagesTo(long chatId);

    /** Calls {@code listener} (on any thread) for every bot message and every edit; returns an action removing it. */
    Runnable onMessage(Consumer<BotMessage> listener);

    /** The sandbox time now. */
    Instant now();

    /** Moves the sandbox clock forward and wakes the delivery service. */
    void fastForward(Duration by);

    /** When the next queued message (a reminder) becomes due, if any. */
    Optional<Instant> nextDueMessage();
}
