package dev.recruitdesk.domain;

/** What one ledger entry records: how a send attempt ended, or an event that explains a gap between attempts. */
public enum AttemptOutcome {
    SENT,
    RETRY_AFTER,
    TRANSIENT,
    UNREACHABLE,
    BAD_REQUEST,
    BAD_TOKEN,
    MAYBE_DELIVERED,
    /** The dispatcher holding the row vanished after handing it to the sender; the row became AMBIGUOUS. */
    LEASE_LOST,
    /** An operator asked for one more delivery of a FAILED, AMBIGUOUS or EXPIRED message. */
    RESEND_REQUESTED
}
