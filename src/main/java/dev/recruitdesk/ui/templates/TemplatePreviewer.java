package dev.recruitdesk.ui.templates;

import dev.recruitdesk.domain.Language;
import java.util.List;

/**
 * What the Templates screen needs from the channel that renders templates (Telegram): each key's kind and
 * placeholders, and a draft rendered with a sample booking as the candidate would see it.
 */
public interface TemplatePreviewer {

    /** How a text is shown: a chat message (HTML), a button label or a short notification (plain). */
    enum Kind { MESSAGE, BUTTON, TOAST }

    /**
     * A rendered draft: the message text (Telegram HTML for messages, plain otherwise) and the inline buttons that
     * go with it, row by row.
     */
    record Preview(String text, boolean html, List<List<String>> buttons) {
        public Preview {
            buttons = buttons.stream().map(List::copyOf).toList();
        }
    }

    Kind kind(String key);

    /** The placeholders the key may use, sorted. */
    List<String> placeholders(String key);

    /** The draft with a sample booking filled in, in the candidate's zone and language; unknown placeholders stay as typed. */
    Preview preview(String key, Language language, String draft);
}
