package dev.recruitdesk.domain;

/** What an account may do in team mode: an admin sees and changes everything, a recruiter only their own work. */
public enum Role {
    ADMIN, RECRUITER
}
