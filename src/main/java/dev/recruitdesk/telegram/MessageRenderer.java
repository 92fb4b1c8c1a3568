package dev.recruitdesk.telegram;

import dev.recruitdesk.booking.TemplateService;
import dev.recruitdesk.delivery.OutgoingMessage;
import dev.recruitdesk.domain.Language;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a template key and values into the text Telegram receives: the active saved version or the built-in
 * default, Telegram HTML, every value HTML-escaped and cut to its placeholder's longest length, so a rendered
 * message always fits (checked at save time with those lengths).
 */
public final class MessageRenderer {

    public static final String PARSE_MODE = "HTML";

    private static final Logger log = LoggerFactory.getLogger(MessageRenderer.class);

    private final TemplateService templates;
    private final TemplateCatalog catalog;

    public MessageRenderer(TemplateService templates, TemplateCatalog catalog) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /** A chat message in Telegram HTML; send it with {@link #PARSE_MODE}. Missing values render as empty. */
    public String render(TemplateKey key, Language language, Map<String, String> values) {
        requireKind(key, TemplateKey.Kind.MESSAGE);
        return TemplateCatalog.fill(key, text(key, language), values, true);
    }

    /** Plain text for a button label or a callback notification: values are not escaped (nothing parses them). */
    public String plain(TemplateKey key, Language language, Map<String, String> values) {
        if (key.kind() == TemplateKey.Kind.MESSAGE) {
            throw new IllegalArgumentException(key + " is a message; use render");
        }
        return TemplateCatalog.fill(key, text(key, language), values, false);
    }

    /**
     * A draft (not yet saved) rendered as {@link #render} or {@link #plain} would render it once saved, for the
     * console's preview; placeholders the key does not know stay as typed.
     */
    public String preview(TemplateKey key, String draft, Map<String, String> values) {
        return TemplateCatalog.fill(key, draft, values, key.kind() == TemplateKey.Kind.MESSAGE);
    }

    /** The active label of a button key, for previews. */
    public String label(TemplateKey key, Language language) {
        return plain(key, language, Map.of());
    }

    /** A rendered message ready for the outbox. */
    public OutgoingMessage message(long chatId, TemplateKey key, Language language, Map<String, String> values, String replyMarkupJson) {
        return new OutgoingMessage(chatId, render(key, language, values), PARSE_MODE, replyMarkupJson);
    }

    public TemplateCatalog catalog() {
        return catalog;
    }

    /** The saved text if it still passes today's rules (a later release may have narrowed a key), else the default. */
    private String text(TemplateKey key, Language language) {
        String saved = templates.savedText(key.id(), language).orElse(null);
        if (saved != null) {
            if (catalog.check(key.id(), language, saved).isEmpty()) {
                return saved;
            }
            log.warn("template.invalid key={} lang={} falling back to the built-in text", key.id(), language.code());
        }
        return catalog.defaultText(key, language);
    }

    private static void requireKind(TemplateKey key, TemplateKey.Kind kind) {
        if (key.kind() != kind) {
            throw new IllegalArgumentException(key + " is a " + key.kind() + ", not a " + kind);
        }
    }
}
