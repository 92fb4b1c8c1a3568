package dev.recruitdesk.telegram;

import dev.recruitdesk.domain.Language;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in texts: complete in both languages, and each one would pass the save-time checks itself. */
class TemplateBundlesTest {

    private final TemplateCatalog catalog = new TemplateCatalog();

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyKeyHasABuiltInTextThatPassesTheSaveChecks(Language language) {
        for (TemplateKey key : TemplateKey.values()) {
            assertThat(catalog.defaultText(key.id(), language)).as(key + " in " + language).isPresent();
            assertThat(catalog.check(key.id(), language, catalog.defaultText(key, language))).as(key + " in " + language).isEmpty();
        }
    }

    @Test
    void bothBundlesHoldExactlyTheSameKeysAndNoStrayOnes() {
        Set<String> ids = Arrays.stream(TemplateKey.values()).map(TemplateKey::id).collect(Collectors.toSet());

        assertThat(TemplateCatalog.bundleIds(Language.RU)).isEqualTo(ids);
        assertThat(TemplateCatalog.bundleIds(Language.EN)).isEqualTo(ids);
    }

    @Test
    void bundlesUseThePlaceholdersOfTheirKeyInBothLanguages() {
        for (TemplateKey key : TemplateKey.values()) {
            assertThat(placeholders(catalog.defaultText(key, Language.EN)))
                    .as(key.id()).isEqualTo(placeholders(catalog.defaultText(key, Language.RU)));
        }
    }

    @Test
    void russianTextsAreRussian() {
        assertThat(catalog.defaultText(TemplateKey.REMINDER_CONFIRM_2H, Language.RU)).contains("Сегодня всё в силе");
        assertThat(catalog.defaultText(TemplateKey.STALE_BUTTON, Language.EN)).contains("out of date");
    }

    private static Set<String> placeholders(String text) {
        return TemplateCatalog.PLACEHOLDER.matcher(text).results().map(r -> r.group(1)).collect(Collectors.toSet());
    }
}
