package dev.recruitdesk.domain;

/** Where a private chat with the bot is in the candidate's conversation. */
public enum ChatStep {
    /** /start was sent; the next text is the full name. */
    ASK_NAME,
    /** The name is known; a city button or a typed zone comes next. */
    ASK_ZONE,
    /** "Other" was pressed; the next text is an IANA zone or a UTC offset. */
    ASK_ZONE_TYPED,
    /** Registered; buttons and commands drive the conversation. */
    IDLE,
    /** The candidate pressed ❌; the next text is the reason, stored on the booking. */
    ASK_REASON,
    /** The candidate chose "another time" in /my; the next picked slot moves the booking. */
    RESCHEDULE
}
