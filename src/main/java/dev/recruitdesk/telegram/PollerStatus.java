package dev.recruitdesk.telegram;

import java.time.Instant;
import java.util.Objects;

/**
 * The health of one bot's update poller, for the status bar and alerts.
 *
 * @param since   when the poller entered this state
 * @param detail  the last error as Telegram or the network gave it (never the token), or {@code null}
 * @param retryAt when polling resumes by itself, or {@code null} when it runs or will not resume
 */
public record PollerStatus(State state, Instant since, String detail, Instant retryAt) {

    /** Every condition the poller can be in. */
    public enum State {
        /** Not started, or stopped on request. */
        STOPPED,
        /** Polling normally. */
        OK,
        /** 409: another process polls this token. Stepped down; retries after the conflict back-off. */
        CONFLICT,
        /** 401/404: the token is wrong or revoked. Stopped until the bot is reconfigured (a new poller). */
        BAD_TOKEN,
        /** Network trouble, 5xx, 429 or a database failure: retrying with back-off. */
        TRANSIENT
    }

    public PollerStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
    }
}
