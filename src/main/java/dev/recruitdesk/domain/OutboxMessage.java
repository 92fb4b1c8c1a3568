package dev.recruitdesk.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One logical message to a Telegram chat, unique by its dedup key, with the payload rendered at enqueue time.
 * Rows are written by the delivery engine with guarded SQL updates (status and lease in the WHERE clause); this
 * mapping is the read model for the ledger screens.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "dedup_key", nullable = false, unique = true, length = 200)
    private String dedupKey;

    @Column(nullable = false, length = 64)
    private String kind;

    @Column(name = "booking_id")
    private Long bookingId;

    @Column(name = "booking_revision")
    private Integer bookingRevision;

    @Column(name = "candidate_id")
    private Long candidateId;

    @Column(name = "chat_id", nullable = false)
    private long chatId;

    @Column(nullable = false, length = 16000)
    private String text;

    @Column(name = "parse_mode", length = 16)
    private String parseMode;

    @Column(name = "reply_markup", length = 8000)
    private String replyMarkup;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private OutboxStatus status;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "lease_owner", length = 200)
    private String leaseOwner;

    @Column(name = "lease_expires_at")
    private Instant leaseExpiresAt;

    @Column(name = "wire_touched", nullable = false)
    private boolean wireTouched;

    @Column(name = "telegram_message_id")
    private Long telegramMessageId;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected OutboxMessage() {
    }

    public Long getId() {
        return id;
    }

    public String getDedupKey() {
        return dedupKey;
    }

    public String getKind() {
        return kind;
    }

    public Long getBookingId() {
        return bookingId;
    }

    public Integer getBookingRevision() {
        return bookingRevision;
    }

    public Long getCandidateId() {
        return candidateId;
    }

    public long getChatId() {
        return chatId;
    }

    public String getText() {
        return text;
    }

    public String getParseMode() {
        return parseMode;
    }

    public String getReplyMarkup() {
        return replyMarkup;
    }

    public OutboxStatus getStatus() {
        return status;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLeaseOwner() {
        return leaseOwner;
    }

    public Instant getLeaseExpiresAt() {
        return leaseExpiresAt;
    }

    public boolean isWireTouched() {
        return wireTouched;
    }

    public Long getTelegramMessageId() {
        return telegramMessageId;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
