package dev.recruitdesk.domain;

/** Where an outbox message is in its life: PENDING → SENDING → SENT | AMBIGUOUS | FAILED | EXPIRED | CANCELLED. */
public enum OutboxStatus {
    /** Waiting for its {@code next_attempt_at}; the only state the dispatcher claims from. */
    PENDING,
    /** Claimed by one dispatcher under a lease; the request may be on the wire. */
    SENDING,
    /** Telegram accepted it. Never sent again. */
    SENT,
    /** The request may have reached Telegram but no answer came. Never resent automatically. */
    AMBIGUOUS,
    /** Given up: the recipient is unreachable, the request is invalid, or the attempts ran out. */
    FAILED,
    /** Its {@code expires_at} passed before it could be delivered; it was never sent. */
    EXPIRED,
    /** Withdrawn before sending (a reschedule, a cancellation, an operator). */
    CANCELLED;

    /** True for the states an operator may send again (as one new delivery of the same row). */
    public boolean isResendable() {
        return this == FAILED || this == AMBIGUOUS || this == EXPIRED;
    }
}
