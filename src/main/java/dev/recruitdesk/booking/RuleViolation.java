package dev.recruitdesk.booking;

import dev.recruitdesk.domain.FieldProblem;

/** A business rule refused the request; the bot answers it in the candidate's language, the console inline. */
public class RuleViolation extends FieldProblem {

    public RuleViolation(String field, String messageKey, Object... args) {
        super(field, messageKey, args);
    }
}
