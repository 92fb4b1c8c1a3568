package dev.recruitdesk.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The last Telegram update a bot has fully handled. Moved in the same transaction as that update's effects, so a
 * restart resumes after it and nothing is handled twice. Keyed by the bot id (the token's numeric prefix).
 */
@Entity
@Table(name = "bot_offset")
public class BotOffset {

    @Id
    @Column(name = "bot_id")
    private Long botId;

    @Column(name = "last_update_id", nullable = false)
    private long lastUpdateId;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected BotOffset() {
    }

    public BotOffset(long botId, long lastUpdateId, Instant now) {
        this.botId = botId;
        this.lastUpdateId = lastUpdateId;
        this.updatedAt = now;
    }

    /** Moves past {@code updateId}; never backwards. */
    public void advanceTo(long updateId, Instant now) {
        if (updateId > lastUpdateId) {
            lastUpdateId = updateId;
            updatedAt = now;
        }
    }

    /**
     * Sets the offset to {@code updateId} even if lower: after a week without updates Telegram numbers them from
     * a random id, and the poller resynchronises on the first one.
     */
    public void resetTo(long updateId, Instant now) {
        lastUpdateId = updateId;
        updatedAt = now;
    }

    public long getBotId() {
        return botId;
    }

    public long getLastUpdateId() {
        return lastUpdateId;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
