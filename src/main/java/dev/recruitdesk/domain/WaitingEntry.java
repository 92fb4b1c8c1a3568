package dev.recruitdesk.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A candidate's stay on the waiting list: joined when no free time was found, notified once of new slots. */
@Entity
@Table(name = "waiting_entry")
public class WaitingEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "candidate_id", nullable = false, unique = true)
    private Long candidateId;

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    @Column(name = "notified_at")
    private Instant notifiedAt;

    protected WaitingEntry() {
    }

    public WaitingEntry(long candidateId, Instant joinedAt) {
        this.candidateId = candidateId;
        this.joinedAt = Objects.requireNonNull(joinedAt);
    }

    public void notified(Instant now) {
        this.notifiedAt = now;
    }

    public boolean isNotified() {
        return notifiedAt != null;
    }

    public Long getId() {
        return id;
    }

    public long getCandidateId() {
        return candidateId;
    }

    public Instant getJoinedAt() {
        return joinedAt;
    }

    public Instant getNotifiedAt() {
        return notifiedAt;
    }
}
