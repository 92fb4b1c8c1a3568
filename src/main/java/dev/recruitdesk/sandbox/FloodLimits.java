package dev.recruitdesk.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Telegram's flood limits as the fake enforces them: at most N messages in any second overall, and a minimum
 * interval between two messages to one chat. Not thread-safe: the fake calls it under its own lock.
 */
final class FloodLimits {

    private static final long SECOND_NANOS = Duration.ofSeconds(1).toNanos();

    private int globalPerSecond = 30;
    private long perChatIntervalNanos = SECOND_NANOS;
    private final Deque<Long> lastSecond = new ArrayDeque<>();
    private final Map<Long, Long> lastSendByChat = new HashMap<>();

    void configure(int globalPerSecond, Duration perChatInterval) {
        if (globalPerSecond < 1) {
            throw new IllegalArgumentException("globalPerSecond must be at least 1");
        }
        this.globalPerSecond = globalPerSecond;
        this.perChatIntervalNanos = perChatInterval.toNanos();
    }

    /** Admits and counts a send to {@code chatId}, or returns the whole seconds (≥ 1) to wait before trying again. */
    int admit(long chatId, long nowNanos) {
        while (!lastSecond.isEmpty() && nowNanos - lastSecond.peekFirst() >= SECOND_NANOS) {
            lastSecond.pollFirst();
        }
        long waitNanos = 0;
        Long lastToChat = lastSendByChat.get(chatId);
        if (lastToChat != null && nowNanos - lastToChat < perChatIntervalNanos) {
            waitNanos = perChatIntervalNanos - (nowNanos - lastToChat);
        }
        if (lastSecond.size() >= globalPerSecond) {
            waitNanos = Math.max(waitNanos, lastSecond.peekFirst() + SECOND_NANOS - nowNanos);
        }
        if (waitNanos > 0) {
            return (int) Math.max(1, (waitNanos + SECOND_NANOS - 1) / SECOND_NANOS);
        }
        lastSecond.addLast(nowNanos);
        lastSendByChat.put(chatId, nowNanos);
        return 0;
    }
}
