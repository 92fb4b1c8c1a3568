package dev.recruitdesk.telegram;

import java.time.Duration;
import java.util.Objects;

/**
 * What became of a direct Bot API call (getMe, edits, answerCallbackQuery, getUpdates): the value on success, or
 * a typed failure for the caller to act on.
 */
public record CallResult<T>(Outcome outcome, T value, Duration retryAfter, String error, Duration latency) {

    /** Every way a direct call can end. */
    public enum Outcome {
        OK,
        /** 429: wait {@code retryAfter} before calling again. */
        RETRY_AFTER,
        /** Not reached Telegram, or Telegram answered 5xx / not JSON: safe to try again later. */
        TRANSIENT,
        /** The request was written but no answer came; it may have taken effect. */
        NO_ANSWER,
        /** 403 blocked / deactivated, 400 chat not found. */
        UNREACHABLE,
        /** Any other 4xx Telegram named as a mistake in the request. */
        BAD_REQUEST,
        /** 401/404: the token is wrong or revoked. */
        BAD_TOKEN,
        /** 409: another getUpdates is running for this token; this poller must step down. */
        CONFLICT
    }

    public CallResult {
        Objects.requireNonNull(outcome, "outcome");
        latency = latency == null ? Duration.ZERO : latency;
    }

    public boolean isOk() {
        return outcome == Outcome.OK;
    }

    static <T> CallResult<T> ok(T value, Duration latency) {
        return new CallResult<>(Outcome.OK, value, null, null, latency);
    }

    /** The same failure carried over to a call with another value type. */
    <U> CallResult<U> failure() {
        if (isOk()) {
            throw new IllegalStateException("not a failure");
        }
        return new CallResult<>(outcome, null, retryAfter, error, latency);
    }
}
