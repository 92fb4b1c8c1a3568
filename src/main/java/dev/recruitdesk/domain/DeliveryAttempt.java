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

/** One entry of the append-only delivery ledger: an attempt to send an outbox message, or what explains a gap. */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "message_id", nullable = false)
    private long messageId;

    @Column(name = "attempt_no", nullable = false)
    private int attemptNo;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "latency_ms", nullable = false)
    private long latencyMs;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private AttemptOutcome outcome;

    @Column(length = 1000)
    private String error;

    @Column(name = "telegram_message_id")
    private Long telegramMessageId;

    @Column(name = "lease_owner", length = 200)
    private String leaseOwner;

    protected DeliveryAttempt() {
    }

    public Long getId() {
        return id;
    }

    public long getMessageId() {
        return messageId;
    }

    public int getAttemptNo() {
        return attemptNo;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public long getLatencyMs() {
        return latencyMs;
    }

    public AttemptOutcome getOutcome() {
        return outcome;
    }

    public String getError() {
        return error;
    }

    public Long getTelegramMessageId() {
        return telegramMessageId;
    }

    public String getLeaseOwner() {
        return leaseOwner;
    }
}
