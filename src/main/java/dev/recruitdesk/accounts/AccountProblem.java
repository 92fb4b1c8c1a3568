package dev.recruitdesk.accounts;

import dev.recruitdesk.domain.FieldProblem;

/** An account request broke a rule (a short password, a taken username, demoting the last admin). */
public class AccountProblem extends FieldProblem {

    public AccountProblem(String field, String messageKey, Object... args) {
        super(field, messageKey, args);
    }
}
