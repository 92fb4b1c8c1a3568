package dev.recruitdesk.delivery;

import java.time.Duration;
import java.util.Objects;

/** What became of one attempt to send: the typed answer a {@link Sender} gives the dispatcher. */
public record SendResult(Outcome outcome, Long messageId, Duration retryAfter, String error, Duration latency) {

    /** Every way an attempt can end, each with one handling in the dispatcher. */
    public enum Outcome {
        /** Telegram accepted the message; {@code messageId} is set. */
        SENT,
        /** 429: pause the whole sender for {@code retryAfter}; not counted as an attempt. */
        RETRY_AFTER,
        /** Failed before the request reached Telegram, or Telegram answered 5xx / not JSON: back off and retry. */
        TRANSIENT,
        /** 403 blocked / deactivated, 400 chat not found: the recipient cannot be reached. */
        UNREACHABLE,
        /** Any other 400: retrying the same bytes cannot help. */
        BAD_REQUEST,
        /** 401/404 on the token: the bot is misconfigured; nothing can be sent until it is fixed. */
        BAD_TOKEN,
        /** The request was written but no answer came: it may have been delivered. Never resent automatically. */
        MAYBE_DELIVERED
    }

    public SendResult {
        Objects.requireNonNull(outcome, "outcome");
        latency = latency == null ? Duration.ZERO : latency;
    }

    public static SendResult sent(long messageId, Duration latency) {
        return new SendResult(Outcome.SENT, messageId, null, null, latency);
    }

    public static SendResult retryAfter(Duration wait, String error, Duration latency) {
        return new SendResult(Outcome.RETRY_AFTER, null, wait, error, latency);
    }

    public static SendResult failure(Outcome outcome, String error, Duration latency) {
        return new SendResult(outcome, null, null, error, latency);
    }
}
