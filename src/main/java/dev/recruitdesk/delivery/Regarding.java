package dev.recruitdesk.delivery;

/**
 * What an outbox message is about, beyond the chat it goes to: the candidate (marked unreachable when Telegram
 * says the chat is gone) and the booking revision (a reschedule cancels the pending messages of older revisions).
 */
public record Regarding(Long candidateId, Long bookingId, Integer bookingRevision) {

    public Regarding {
        if ((bookingId == null) != (bookingRevision == null)) {
            throw new IllegalArgumentException("a booking needs its revision and a revision needs its booking");
        }
    }

    public static Regarding booking(Long candidateId, long bookingId, int revision) {
        return new Regarding(candidateId, bookingId, revision);
    }

    public static Regarding candidate(long candidateId) {
        return new Regarding(candidateId, null, null);
    }

    /** A message to a chat that is neither a candidate's nor about a booking (e.g. a recruiter's digest). */
    public static Regarding none() {
        return new Regarding(null, null, null);
    }
}
