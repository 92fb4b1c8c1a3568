package dev.recruitdesk.ui.candidates;

/**
 * One timeline line as shown: when, what happened, details (text, Telegram message id, error, reason).
 *
 * @param style a style class for the marker: {@code tl-change}, {@code tl-press}, {@code tl-queued}, {@code tl-sent}, {@code tl-failed}, {@code tl-ambiguous}
 */
public record TimelineLine(String time, String title, String detail, String style) {
}
