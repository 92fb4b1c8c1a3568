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

    /** How many slots a late sender may make up for. */
    static final int CATCH_UP_SLOTS = 3;

    private final Duration spacing;
    private final Duration perChatInterval;
    private final Map<Long, Instant> chatAllowedAt = new HashMap<>();
    private Instant nextFreeAt = Instant.MIN;

    /** @param ratePerSecond global sends per second, or 0 for no global limit */
    SendPacer(double ratePerSecond, Duration perChatInterval) {
        this.spacing = ratePerSecond <= 0 ? Duration.ZERO : Duration.ofNanos((long) (1_000_000_000L / ratePerSecond));
        this.perChatInterval = perChatInterval;
    }

    /**
     * Takes the next global send slot and returns when it begins; a time before {@code now} means "at once". Slots lie
     * on a fixed grid: a send that ran late (a slow commit or answer) leaves the grid where it was, and the next few
     * sends catch up on it, up to {@link #CATCH_UP_SLOTS} slots, instead of every delay lowering the rate for good.
     * The grid never runs ahead, so any second holds at most rate + {@code CATCH_UP_SLOTS} + 1 sends (29 at 25/s,
     * below Telegram's 30). After a longer gap (idle, a pause) the grid restarts at {@code now}: no burst.
     */
    Instant reserveGlobal(Instant now) {
        if (spacing.isZero()) {
            return now;
        }
        boolean catchingUp = !nextFreeAt.isAfter(now) && !nextFreeAt.plus(spacing.multipliedBy(CATCH_UP_SLOTS)).isBefore(now);
        Instant start = nextFreeAt.isAfter(now) || catchingUp ? nextFreeAt : now;
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
