package dev.recruitdesk.accounts;

import java.util.List;

/**
 * The caller may not do or see this. Carries a message key so the console can say why in the user's language;
 * the use case logs the refusal. Never leaks whether the row exists beyond what the caller may know.
 */
public class AccessDenied extends RuntimeException {

    private final String messageKey;
    private final List<Object> args;

    public AccessDenied(Caller caller, String messageKey, Object... args) {
        super(messageKey + " caller=" + caller.name() + " role=" + caller.role() + (args.length == 0 ? "" : " " + List.of(args)));
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.toArray();
    }
}
