package dev.recruitdesk.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The conversation state of one private chat, kept {@link #KEPT} after its last change. */
@Entity
@Table(name = "chat_state")
public class ChatState {

    public static final Duration KEPT = Duration.ofDays(7);

    @Id
    @Column(name = "chat_id")
    private Long chatId;

    @Column(name = "telegram_user_id", nullable = false)
    private Long telegramUserId;

    @Column(name = "candidate_id")
    private Long candidateId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private ChatStep step;

    @Column(name = "booking_id")
    private Long bookingId;

    @Column(name = "booking_revision")
    private Integer bookingRevision;

    @Column(name = "draft_name", length = 200)
    private String draftName;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected ChatState() {
    }

    public ChatState(long chatId, long telegramUserId, Instant now) {
        this.chatId = chatId;
        this.telegramUserId = telegramUserId;
        this.step = ChatStep.ASK_NAME;
        touch(now);
    }

    /** Moves to {@code next}, forgetting the booking of the previous step. */
    public void moveTo(ChatStep next, Instant now) {
        this.step = Objects.requireNonNull(next);
        this.bookingId = null;
        this.bookingRevision = null;
        touch(now);
    }

    /** Moves to a step about one booking revision (the reason after ❌, a reschedule). */
    public void moveTo(ChatStep next, long bookingId, int revision, Instant now) {
        this.step = Objects.requireNonNull(next);
        this.bookingId = bookingId;
        this.bookingRevision = revision;
        touch(now);
    }

    private void touch(Instant now) {
        this.updatedAt = now;
        this.expiresAt = now.plus(KEPT);
    }

    public boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    public long getChatId() {
        return chatId;
    }

    public long getTelegramUserId() {
        return telegramUserId;
    }

    public void setTelegramUserId(long telegramUserId) {
        this.telegramUserId = telegramUserId;
    }

    public Long getCandidateId() {
        return candidateId;
    }

    public void setCandidateId(Long candidateId) {
        this.candidateId = candidateId;
    }

    public ChatStep getStep() {
        return step;
    }

    public Long getBookingId() {
        return bookingId;
    }

    public Integer getBookingRevision() {
        return bookingRevision;
    }

    public String getDraftName() {
        return draftName;
    }

    public void setDraftName(String draftName) {
        this.draftName = draftName;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
