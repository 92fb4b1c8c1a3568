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

/** One recorded change of a booking: the candidate timeline and the audit are read from these. Append-only. */
@Entity
@Table(name = "booking_event")
public class BookingEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "booking_id", nullable = false)
    private Long bookingId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 16)
    private BookingStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 16)
    private BookingStatus toStatus;

    @Column(nullable = false)
    private int revision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Actor actor;

    @Column(length = 1000)
    private String note;

    @Column(name = "occurred_at", nullable = false)
    private Instant at;

    protected BookingEvent() {
    }

    BookingEvent(Long bookingId, BookingStatus from, BookingStatus to, int revision, Actor actor, String note, Instant at) {
        this.bookingId = bookingId;
        this.fromStatus = from;
        this.toStatus = to;
        this.revision = revision;
        this.actor = actor;
        this.note = note;
        this.at = at;
    }

    /** The event of a booking's creation (its id is known only after it is persisted). */
    public static BookingEvent created(Booking booking, Actor actor, Instant at) {
        return new BookingEvent(booking.getId(), null, booking.getStatus(), booking.getRevision(), actor, null, at);
    }

    /** A note added to a booking without a change of status, e.g. the candidate's reason after ❌. */
    public static BookingEvent noted(Booking booking, Actor actor, String note, Instant at) {
        return new BookingEvent(booking.getId(), booking.getStatus(), booking.getStatus(), booking.getRevision(), actor, note, at);
    }

    public Long getId() {
        return id;
    }

    public Long getBookingId() {
        return bookingId;
    }

    public BookingStatus getFromStatus() {
        return fromStatus;
    }

    public BookingStatus getToStatus() {
        return toStatus;
    }

    public int getRevision() {
        return revision;
    }

    public Actor getActor() {
        return actor;
    }

    public String getNote() {
        return note;
    }

    public Instant getAt() {
        return at;
    }
}
