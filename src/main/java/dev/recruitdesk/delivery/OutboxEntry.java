package dev.recruitdesk.delivery;

import java.time.Instant;

/**
 * One message for {@link Outbox#enqueueAll}: the arguments of {@link Outbox#enqueue}, kept until the batch goes in.
 *
 * @param dueAt     not before this instant
 * @param expiresAt never after this instant, or {@code null}
 */
public record OutboxEntry(String dedupKey, String kind, Regarding regarding, OutgoingMessage payload, Instant dueAt,
                          Instant expiresAt) {
}
