package dev.recruitdesk.delivery;

import java.util.Objects;

/**
 * One message as it goes on the wire, rendered once at enqueue time and stored, so every retry is byte-identical.
 *
 * @param chatId          the Telegram chat
 * @param text            the message text (at most 4,096 characters after entity parsing)
 * @param parseMode       {@code HTML} or {@code null} for plain text
 * @param replyMarkupJson the Bot API {@code reply_markup} object as JSON (an inline keyboard), or {@code null}
 */
public record OutgoingMessage(long chatId, String text, String parseMode, String replyMarkupJson) {

    public OutgoingMessage {
        Objects.requireNonNull(text, "text");
    }
}
