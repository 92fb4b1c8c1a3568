package dev.recruitdesk.reminders;

import java.util.List;

/**
 * A reminder setting or a time-zone input was refused. Carries the field it is about and a message key with
 * arguments (for inline messages in the console or a bot answer), and a plain English message for logs.
 */
public class InvalidInputException extends IllegalArgumentException {

    private final String field;
    private final String messageKey;
    private final List<Object> args;

    public InvalidInputException(String field, String messageKey, String message, Object... args) {
        super(message);
        this.field = field;
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

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
