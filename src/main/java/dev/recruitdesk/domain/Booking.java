package dev.recruitdesk.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A candidate's claim on a slot. While active it fills two nullable unique columns, so the database itself
 * refuses a second active booking of the slot or a second active booking of the candidate with the recruiter
 * (H2 has no partial indexes; NULLs never collide).
 */
@Entity
@Table(name = "booking")
public class Booking {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "slot_id", nullable = false)
    private Long slotId;

    @Column(name = "candidate_id", nullable = false)
    private Long candidateId;

    @Column(name = "recruiter_id", nullable = false)
    private Long recruiterId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private BookingStatus status;

    /** Increments on every change of time or slot; reminders and buttons carry it. */
    @Column(nullable = false)
    private int revision = 1;

    @Column(name = "active_slot_id")
    private Long activeSlotId;

    @Column(name = "active_candidate_key", length = 64)
    private String activeCandidateKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Booking() {
    }

    public Booking(long slotId, long candidateId, long recruiterId, Instant now) {
        this.slotId = slotId;
        this.candidateId = candidateId;
        this.recruiterId = recruiterId;
        this.status = BookingStatus.REQUESTED;
        this.createdAt = Objects.requireNonNull(now);
        this.updatedAt = now;
        holdActiveKeys();
    }

    /**
     * Moves the booking to {@code next}, or throws when the state machine does not allow it.
     * Returns the event to persist with the change.
     */
    public BookingEvent transition(BookingStatus next, Actor actor, String note, Instant now) {
        if (!status.canBecome(next)) {
            throw new IllegalStateException("Booking " + id + " cannot go from " + status + " to " + next);
        }
        BookingStatus previous = status;
        status = next;
        updatedAt = now;
        if (next.isActive()) {
            holdActiveKeys();
        } else {
            activeSlotId = null;
            activeCandidateKey = null;
        }
        return new BookingEvent(id, previous, next, revision, actor, note, now);
    }

    /**
     * Moves the booking to another slot (or the same slot at a new time): a new revision. A confirmation was for
     * the old time, so a confirmed booking goes back to approved and the candidate is asked again.
     */
    public BookingEvent reschedule(long newSlotId, Actor actor, Instant now) {
        if (!status.isActive()) {
            throw new IllegalStateException("Booking " + id + " is " + status + " and cannot be rescheduled");
        }
        BookingStatus previous = status;
        if (status == BookingStatus.CONFIRMED) {
            status = BookingStatus.APPROVED;
        }
        slotId = newSlotId;
        revision++;
        updatedAt = now;
        holdActiveKeys();
        return new BookingEvent(id, previous, status, revision, actor, "rescheduled", now);
    }

    private void holdActiveKeys() {
        activeSlotId = slotId;
        activeCandidateKey = candidateId + ":" + recruiterId;
    }

    public Long getId() {
        return id;
    }

    public long getSlotId() {
        return slotId;
    }

    public long getCandidateId() {
        return candidateId;
    }

    public long getRecruiterId() {
        return recruiterId;
    }

    public BookingStatus getStatus() {
        return status;
    }

    public int getRevision() {
        return revision;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
