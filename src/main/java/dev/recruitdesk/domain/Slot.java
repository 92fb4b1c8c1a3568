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
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A time a recruiter is available for one interview. Start and end are instants; zones are for display only. */
@Entity
@Table(name = "slot")
public class Slot {

    public static final int MIN_MINUTES = 5;
    public static final int MAX_MINUTES = 480;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "recruiter_id", nullable = false)
    private Long recruiterId;

    @Column(name = "start_at", nullable = false)
    private Instant startAt;

    @Column(name = "end_at", nullable = false)
    private Instant endAt;

    @Column(length = 500)
    private String place;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private SlotStatus status = SlotStatus.OPEN;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Slot() {
    }

    public Slot(long recruiterId, Instant startAt, Duration duration, String place, Instant createdAt) {
        this.recruiterId = recruiterId;
        this.startAt = Objects.requireNonNull(startAt, "startAt");
        this.endAt = startAt.plus(requireDuration(duration));
        this.place = place == null || place.isBlank() ? null : place.strip();
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Throws when a duration is outside {@value #MIN_MINUTES}–{@value #MAX_MINUTES} whole minutes. */
    public static Duration requireDuration(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        long minutes = duration.toMinutes();
        if (duration.toSeconds() % 60 != 0 || minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
            throw new IllegalArgumentException("Slot duration must be " + MIN_MINUTES + "–" + MAX_MINUTES + " minutes, got " + duration);
        }
        return duration;
    }

    /** True when the two half-open intervals [start, end) share any time. */
    public boolean overlaps(Instant otherStart, Instant otherEnd) {
        return startAt.isBefore(otherEnd) && otherStart.isBefore(endAt);
    }

    /** Moves the slot to a new time, keeping or changing its length. */
    public void moveTo(Instant newStart, Duration duration) {
        this.startAt = Objects.requireNonNull(newStart, "newStart");
        this.endAt = newStart.plus(requireDuration(duration));
    }

    public Long getId() {
        return id;
    }

    public long getRecruiterId() {
        return recruiterId;
    }

    public Instant getStartAt() {
        return startAt;
    }

    public Instant getEndAt() {
        return endAt;
    }

    public Duration getDuration() {
        return Duration.between(startAt, endAt);
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place == null || place.isBlank() ? null : place.strip();
    }

    public SlotStatus getStatus() {
        return status;
    }

    public void setStatus(SlotStatus status) {
        this.status = Objects.requireNonNull(status);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
