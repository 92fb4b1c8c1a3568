package dev.recruitdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BookingStateMachineTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void requestedBookingHoldsItsSlotAndCandidateKeys() {
        Booking b = new Booking(7, 11, 3, NOW);
        assertThat(b.getStatus()).isEqualTo(BookingStatus.REQUESTED);
        assertThat(b.getRevision()).isEqualTo(1);
    }

    @Test
    void approvedThenConfirmedThenAttendedIsAllowed() {
        Booking b = new Booking(7, 11, 3, NOW);
        BookingEvent approved = b.transition(BookingStatus.APPROVED, Actor.RECRUITER, null, NOW);
        assertThat(approved.getFromStatus()).isEqualTo(BookingStatus.REQUESTED);
        assertThat(approved.getToStatus()).isEqualTo(BookingStatus.APPROVED);
        assertThat(approved.getActor()).isEqualTo(Actor.RECRUITER);
        b.transition(BookingStatus.CONFIRMED, Actor.CANDIDATE, null, NOW);
        b.transition(BookingStatus.ATTENDED, Actor.RECRUITER, null, NOW);
        assertThat(b.getStatus()).isEqualTo(BookingStatus.ATTENDED);
    }

    @Test
    void finishedBookingsCannotChangeAgain() {
        for (BookingStatus end : new BookingStatus[] {BookingStatus.NO_SHOW, BookingStatus.PASSED, BookingStatus.FAILED,
                BookingStatus.DECLINED, BookingStatus.REJECTED, BookingStatus.CANCELLED, BookingStatus.EXPIRED}) {
            for (BookingStatus next : BookingStatus.values()) {
                assertThat(end.canBecome(next)).as(end + " -> " + next).isFalse();
            }
            assertThat(end.isActive()).isFalse();
        }
    }

    @Test
    void anAttendedInterviewCanOnlyBeJudgedPassedOrFailed() {
        for (BookingStatus next : BookingStatus.values()) {
            assertThat(BookingStatus.ATTENDED.canBecome(next)).as("ATTENDED -> " + next)
                    .isEqualTo(next == BookingStatus.PASSED || next == BookingStatus.FAILED);
        }
        assertThat(BookingStatus.ATTENDED.isActive()).isFalse();
    }

    @Test
    void requestCannotJumpToConfirmedOrOutcome() {
        Booking b = new Booking(7, 11, 3, NOW);
        assertThatThrownBy(() -> b.transition(BookingStatus.CONFIRMED, Actor.CANDIDATE, null, NOW))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.transition(BookingStatus.ATTENDED, Actor.RECRUITER, null, NOW))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rescheduleIncrementsRevisionAndMovesSlot() {
        Booking b = new Booking(7, 11, 3, NOW);
        b.transition(BookingStatus.APPROVED, Actor.RECRUITER, null, NOW);
        BookingEvent e = b.reschedule(8, Actor.RECRUITER, NOW);
        assertThat(b.getRevision()).isEqualTo(2);
        assertThat(b.getSlotId()).isEqualTo(8);
        assertThat(e.getRevision()).isEqualTo(2);
        assertThat(b.getStatus()).isEqualTo(BookingStatus.APPROVED);
    }

    @Test
    void endedBookingCannotBeRescheduled() {
        Booking b = new Booking(7, 11, 3, NOW);
        b.transition(BookingStatus.REJECTED, Actor.RECRUITER, "no", NOW);
        assertThatThrownBy(() -> b.reschedule(8, Actor.RECRUITER, NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void slotDurationMustBeFiveToFourHundredEightyWholeMinutes() {
        assertThat(Slot.requireDuration(Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(5));
        assertThat(Slot.requireDuration(Duration.ofMinutes(480))).isEqualTo(Duration.ofMinutes(480));
        assertThatThrownBy(() -> Slot.requireDuration(Duration.ofMinutes(4))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Slot.requireDuration(Duration.ofMinutes(481))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Slot.requireDuration(Duration.ofSeconds(330))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Slot.requireDuration(Duration.ofMinutes(-30))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void slotEndIsAfterStartAndOverlapUsesRealLength() {
        Instant start = Instant.parse("2026-12-02T10:00:00Z");
        Slot s = new Slot(1, start, Duration.ofMinutes(90), "Zoom", NOW);
        assertThat(s.getEndAt()).isEqualTo(start.plus(Duration.ofMinutes(90)));
        assertThat(s.overlaps(start.plus(Duration.ofMinutes(80)), start.plus(Duration.ofMinutes(120)))).isTrue();
        assertThat(s.overlaps(start.plus(Duration.ofMinutes(90)), start.plus(Duration.ofMinutes(120)))).isFalse();
        assertThat(s.overlaps(start.minus(Duration.ofMinutes(30)), start)).isFalse();
    }
}
