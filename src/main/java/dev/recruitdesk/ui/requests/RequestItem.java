package dev.recruitdesk.ui.requests;

import dev.recruitdesk.booking.BookingRow;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One request as the list shows it; the waiting time is live (the view model ticks it). */
public final class RequestItem {

    private final BookingRow row;
    private final String recruiterTime;
    private final String candidateTime;
    private final String recruiter;
    private final ReadOnlyStringWrapper waiting = new ReadOnlyStringWrapper("");

    RequestItem(BookingRow row, String recruiterTime, String candidateTime, String recruiter) {
        this.row = row;
        this.recruiter = recruiter;
        this.recruiterTime = recruiterTime;
        this.candidateTime = candidateTime;
    }

    public BookingRow row() {
        return row;
    }

    public long bookingId() {
        return row.bookingId();
    }

    public String candidateName() {
        return row.candidateName();
    }

    /** "Tue 8 Dec, 10:00 – 10:30" in the recruiter's zone. */
    public String recruiterTime() {
        return recruiterTime;
    }

    /** "Candidate's time: 8 Dec, 14:00 (Novosibirsk, UTC+7)". */
    /** "Recruiter: Boris" on another recruiter's request (an admin's list), else empty. */
    public String recruiter() {
        return recruiter;
    }

    public String candidateTime() {
        return candidateTime;
    }

    /** "12 min ago". */
    public ReadOnlyStringProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    void setWaiting(String text) {
        waiting.set(text);
    }
}
