package dev.recruitdesk.domain;

/** A slot is availability only: whether it can still be booked is the booking's business. */
public enum SlotStatus {
    OPEN, CLOSED, CANCELLED
}
