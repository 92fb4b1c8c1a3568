package dev.recruitdesk.booking;

import dev.recruitdesk.domain.Language;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What makes a message template acceptable, and the built-in texts. Implemented by the channel that renders the
 * templates (the Telegram side knows its HTML subset and its 4,096-character limit); handed in by the composition
 * root so that template editing stays a use case the console can call.
 */
public interface TemplateRules {

    /** Every template key, in a stable order. */
    Set<String> keys();

    /** The built-in text of a key, used while no version was saved. */
    Optional<String> defaultText(String key, Language language);

    /** The problems of {@code text} as the template {@code key}; empty when it may be saved. */
    List<TemplateProblem> check(String key, Language language, String text);
}
