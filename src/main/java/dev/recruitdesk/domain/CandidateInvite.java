package dev.recruitdesk.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A one-time code of an invite link that binds a Telegram chat to a candidate created in the console. */
@Entity
@Table(name = "candidate_invite")
public class CandidateInvite {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64, unique = true)
    private String code;

    @Column(name = "candidate_id", nullable = false)
    private Long candidateId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "used_by_user_id")
    private Long usedByUserId;

    /** The recruiter who invited the candidate (the candidate is in their scope), or null for older invites. */
    @Column(name = "recruiter_id")
    private Long recruiterId;

    protected CandidateInvite() {
    }

    public CandidateInvite(String code, long candidateId, Long recruiterId, Instant createdAt, Instant expiresAt) {
        this.recruiterId = recruiterId;
        this.code = Objects.requireNonNull(code, "code");
        this.candidateId = candidateId;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public void use(long telegramUserId, Instant now) {
        if (usedAt != null) {
            throw new IllegalStateException("invite " + id + " was already used");
        }
        this.usedAt = now;
        this.usedByUserId = telegramUserId;
    }

    public boolean isUsed() {
        return usedAt != null;
    }

    public boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public long getCandidateId() {
        return candidateId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getUsedAt() {
        return usedAt;
    }

    public Long getRecruiterId() {
        return recruiterId;
    }

    public Long getUsedByUserId() {
        return usedByUserId;
    }
}
