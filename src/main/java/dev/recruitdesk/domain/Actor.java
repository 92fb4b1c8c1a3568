package dev.recruitdesk.domain;

/** Who caused a change: recorded on every status change for the timeline and the audit. */
public enum Actor {
    RECRUITER, CANDIDATE, SYSTEM
}
