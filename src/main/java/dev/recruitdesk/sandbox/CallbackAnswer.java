package dev.recruitdesk.sandbox;

import java.time.Instant;

/** One {@code answerCallbackQuery} call the fake received: which press it answered, with what text, and when. */
public record CallbackAnswer(String callbackQueryId, String text, boolean showAlert, Instant answeredAt) {
}
