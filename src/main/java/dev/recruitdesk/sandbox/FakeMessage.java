package dev.recruitdesk.sandbox;

import java.time.Instant;

/**
 * A bot message the fake accepted, in its current state (edits applied).
 *
 * @param parseMode       as sent, or {@code null}
 * @param replyMarkupJson the inline keyboard as compact JSON, or {@code null}
 * @param editCount       how many edits were applied since it was sent
 */
public record FakeMessage(long chatId, int messageId, String text, String parseMode, String replyMarkupJson,
                          Instant sentAt, int editCount) {

    FakeMessage edited(String newText, String newParseMode, String newReplyMarkupJson) {
        return new FakeMessage(chatId, messageId, newText, newParseMode, newReplyMarkupJson, sentAt, editCount + 1);
    }
}
