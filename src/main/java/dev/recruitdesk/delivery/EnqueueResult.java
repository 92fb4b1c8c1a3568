package dev.recruitdesk.delivery;

/** What {@link Outbox#enqueue} did with a dedup key. */
public enum EnqueueResult {
    /** No row had the key: a new PENDING message. */
    CREATED,
    /** The key's message was still PENDING: its payload, due time and expiry were replaced. */
    REFRESHED,
    /** The key's message is past PENDING (sending, sent, failed, cancelled …): nothing changed, nothing will be sent. */
    DUPLICATE_SKIPPED
}
