package dev.recruitdesk.booking;

import dev.recruitdesk.delivery.OutgoingMessage;
import dev.recruitdesk.domain.Candidate;

/**
 * Renders the messages the booking use cases send to a candidate on their own (not as a reply in the
 * conversation): the text, language and buttons are the bot's business, so {@code telegram} implements this port.
 */
public interface CandidateNotices {

    /** New interview times were published; the candidate was on the waiting list. */
    OutgoingMessage newSlots(Candidate candidate);

    /** A recruiter's free text from the console. */
    OutgoingMessage recruiterMessage(Candidate candidate, String recruiterName, String text);
}
