package dev.recruitdesk.reminders;

/** Whose chat a reminder goes to; it also decides whose time zone its quiet hours are read in. */
public enum Recipient {
    CANDIDATE, RECRUITER
}
