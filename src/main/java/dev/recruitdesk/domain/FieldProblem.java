package dev.recruitdesk.domain;

import java.util.List;

/**
 * A request a rule refused: names the form field it is about and carries a message key with arguments, so the
 * console shows it inline next to that field in the user's language. The capabilities' own kinds extend it
 * ({@code booking.RuleViolation}, {@code accounts.AccountProblem}, {@code reminders.InvalidInputException}).
 */
public abstract class FieldProblem extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final List<Object> args;

    protected FieldProblem(String field, String messageKey, Object... args) {
        this(field, messageKey, messageKey + (args.length == 0 ? "" : " " + List.of(args)), args);
    }

    /** With a plain English {@code message} for logs. */
    protected FieldProblem(String field, String messageKey, String message, Object... args) {
        super(message);
        this.field = field;
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    /** The form field, e.g. {@code start} or {@code password}; empty when it concerns the whole form. */
    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.toArray();
    }
}
