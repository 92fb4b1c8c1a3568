package dev.recruitdesk.booking;

/** One reason a template text cannot be saved, with the offending detail (a placeholder, a tag, a length). */
public record TemplateProblem(Kind kind, String detail) {

    /** Every kind of refusal; the message key is {@code template.error.<kind>}. */
    public enum Kind { UNKNOWN_KEY, EMPTY, UNKNOWN_PLACEHOLDER, BAD_MARKUP, TOO_LONG }

    @Override
    public String toString() {
        return kind + ": " + detail;
    }
}
