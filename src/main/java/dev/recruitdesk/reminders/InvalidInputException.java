package dev.recruitdesk.reminders;

import dev.recruitdesk.domain.FieldProblem;

/**
 * A reminder setting or a time-zone input was refused. Carries the field it is about and a message key with
 * arguments (for inline messages in the console or a bot answer), and a plain English message for logs.
 */
public class InvalidInputException extends FieldProblem {

    public InvalidInputException(String field, String messageKey, String message, Object... args) {
        super(field, messageKey, message, args);
    }
}
