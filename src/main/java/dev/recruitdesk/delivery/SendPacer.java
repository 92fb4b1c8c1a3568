package dev.recruitdesk.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Telegram's pace, kept by one dispatcher: a global rate (evenly spaced sends, below the ~30 msg/s bulk limit) and
 * a minimum interval between two messages to one chat. It only computes times; the dispatcher does the waiting,
 * and a message whose chat must wait goes back to the queue instead of blocking other chats.
 */
final class SendPacer {

    private final Duration spacing;
    private final Duration perChatInterval;
    private final Map<Long, Instant> chatAllowedAt = new HashMap<>();
    private Instant nextFreeAt = Instant.MIN;

    /** @param ratePerSecond global sends per second, or 0 for no global limit */
    SendPacer(double ratePerSecond, Duration perChatInterval) {
        this.spacing = ratePerSecond <= 0 ? Duration.ZERO : Duration.ofNanos((long) (1_000_000_000L / ratePerSecond));
        this.perChatInterval = perChatInterval;
    }

    /** Takes the next global send slot and returns when it begins (at or after {@code now}). */
    Instant reserveGlobal(Instant now) {
        if (spacing.isZero()) {
            return now;
        }
        Instant start = nextFreeAt.isAfter(now) ? nextFreeAt : now;
        nextFreeAt = start.plus(spacing);
        return start;
    }

    /** The earliest instant a message may go to {@code chatId}. */
    Instant chatAllowedAt(long chatId, Instant now) {
        Instant allowed = chatAllowedAt.get(chatId);
        return allowed == null || allowed.isBefore(now) ? now : allowed;
    }

    /** Records that a message goes to {@code chatId} at {@code at}. */
    void noteChatSend(long chatId, Instant at) {
        if (!perChatInterval.isZero()) {
            chatAllowedAt.put(chatId, at.plus(perChatInterval));
        }
    }

    /** Drops chats whose interval has passed, so the map holds only recently used chats. */
    void forgetIdleChats(Instant now) {
        for (Iterator<Instant> it = chatAllowedAt.values().iterator(); it.hasNext(); ) {
            if (!it.next().isAfter(now)) {
                it.remove();
            }
        }
    }
}
