package dev.recruitdesk.booking;

import java.util.List;

/**
 * A business rule refused the request. Carries the form field it is about and a message key with arguments,
 * so the console shows it inline next to that field and the bot can answer in the candidate's language.
 */
public class RuleViolation extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final List<Object> args;

    public RuleViolation(String field, String messageKey, Object... args) {
        super(messageKey + (args.length == 0 ? "" : " " + List.of(args)));
        this.field = field;
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    /** The form field the problem belongs to, e.g. {@code start}; empty when it concerns the whole form. */
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
