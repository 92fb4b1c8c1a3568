package dev.recruitdesk.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** An inbound update whose handling failed: retried a few times, then skipped and kept here for the operator. */
@Entity
@Table(name = "bot_update_failure")
public class BotUpdateFailure {

    public static final int MAX_ERROR_LENGTH = 1000;

    /** Bot and update id. */
    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "bot_id")
        private long botId;

        @Column(name = "update_id")
        private long updateId;

        protected Key() {
        }

        public Key(long botId, long updateId) {
            this.botId = botId;
            this.updateId = updateId;
        }

        public long botId() {
            return botId;
        }

        public long updateId() {
            return updateId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.botId == botId && k.updateId == updateId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(botId, updateId);
        }
    }

    @EmbeddedId
    private Key key;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error", nullable = false, length = MAX_ERROR_LENGTH)
    private String lastError;

    @Column(name = "update_kind", nullable = false, length = 32)
    private String updateKind;

    @Column(name = "first_failed_at", nullable = false)
    private Instant firstFailedAt;

    @Column(name = "last_failed_at", nullable = false)
    private Instant lastFailedAt;

    @Column(name = "skipped_at")
    private Instant skippedAt;

    protected BotUpdateFailure() {
    }

    public BotUpdateFailure(long botId, long updateId, String updateKind, String error, Instant now) {
        this.key = new Key(botId, updateId);
        this.updateKind = updateKind;
        this.attempts = 1;
        this.lastError = shorten(error);
        this.firstFailedAt = now;
        this.lastFailedAt = now;
    }

    public void failedAgain(String error, Instant now) {
        attempts++;
        lastError = shorten(error);
        lastFailedAt = now;
    }

    public void skip(Instant now) {
        skippedAt = now;
    }

    private static String shorten(String error) {
        String e = error == null || error.isBlank() ? "(no message)" : error;
        return e.length() <= MAX_ERROR_LENGTH ? e : e.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }

    public long getBotId() {
        return key.botId();
    }

    public long getUpdateId() {
        return key.updateId();
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public String getUpdateKind() {
        return updateKind;
    }

    public Instant getFirstFailedAt() {
        return firstFailedAt;
    }

    public Instant getLastFailedAt() {
        return lastFailedAt;
    }

    public Instant getSkippedAt() {
        return skippedAt;
    }

    public boolean isSkipped() {
        return skippedAt != null;
    }
}
