package dev.recruitdesk.accounts;

import java.util.List;

/**
 * An account request broke a rule (a short password, a taken username, demoting the last admin). Names the form
 * field it is about and carries a message key with arguments, so the console shows it inline in the user's language.
 */
public class AccountProblem extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final List<Object> args;

    public AccountProblem(String field, String messageKey, Object... args) {
        super(messageKey + (args.length == 0 ? "" : " " + List.of(args)));
        this.field = field;
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    /** The form field, e.g. {@code password}; empty when it concerns the whole form. */
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
