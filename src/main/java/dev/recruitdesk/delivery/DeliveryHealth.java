package dev.recruitdesk.delivery;

import java.time.Instant;

/**
 * A snapshot of the delivery engine for the status bar and the bot centre.
 *
 * @param running       the dispatcher thread is alive
 * @param ownerId       the dispatcher's lease owner id (host:pid:uuid)
 * @param queueDepth    PENDING messages, due or not
 * @param dueNow        PENDING messages whose next attempt is due
 * @param pausedUntil   sending is paused until then (Telegram's retry_after, or a bad token), or {@code null}
 * @param pauseReason   why it is paused, or {@code null}
 * @param badToken      Telegram rejected the bot token; nothing is sent until it is fixed
 * @param sentLastMinute messages Telegram accepted in the last minute
 * @param ambiguous     messages waiting for an operator's decision
 */
public record DeliveryHealth(boolean running, String ownerId, long queueDepth, long dueNow, Instant pausedUntil,
                             String pauseReason, boolean badToken, long sentLastMinute, long ambiguous) {
}
