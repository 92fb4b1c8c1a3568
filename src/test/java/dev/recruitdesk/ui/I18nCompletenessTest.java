package dev.recruitdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** English and Russian are complete, and every key the code or the FXML uses exists in both. */
class I18nCompletenessTest {

    private static final Path BUNDLE_DIR = Path.of("src/main/resources/dev/recruitdesk/ui");
    private static final Pattern FXML_KEY = Pattern.compile("\"%([A-Za-z0-9_.\\-]+)\"");
    private static final Pattern TR_KEY = Pattern.compile("\\btr\\(\\s*\"([^\"]+)\"");
    private static final Pattern RULE_KEY = Pattern.compile("new RuleViolation\\(\\s*\"[^\"]*\"\\s*,\\s*\"([^\"]+)\"");

    @Test
    void englishAndRussianHaveTheSameKeys() throws IOException {
        Set<String> en = keys("messages.properties");
        Set<String> ru = keys("messages_ru.properties");

        assertThat(en).isNotEmpty();
        assertThat(difference(en, ru)).as("keys missing in messages_ru.properties").isEmpty();
        assertThat(difference(ru, en)).as("keys missing in messages.properties").isEmpty();
    }

    @Test
    void everyKeyUsedInFxmlExistsInBothLanguages() throws IOException {
        Set<String> used = usedKeys(Path.of("src/main/resources"), ".fxml", FXML_KEY);

        assertThat(used).as("the scan finds the FXML keys").contains("nav.schedule", "schedule.form.create");
        assertThat(difference(used, keys("messages.properties"))).as("FXML keys missing in English").isEmpty();
        assertThat(difference(used, keys("messages_ru.properties"))).as("FXML keys missing in Russian").isEmpty();
    }

    @Test
    void everyKeyPassedToTrOrARuleViolationExistsInBothLanguages() throws IOException {
        Set<String> used = usedKeys(Path.of("src/main/java"), ".java", TR_KEY);
        used.addAll(usedKeys(Path.of("src/main/java"), ".java", RULE_KEY));
        // a literal ending in '.' is a prefix completed at run time (e.g. "delivery.status." + state); AdminI18nTest covers those
        used.removeIf(key -> key.endsWith("."));

        assertThat(used).as("the scan finds literal keys").contains("schedule.state.open", "slot.error.overlap");
        assertThat(difference(used, keys("messages.properties"))).as("code keys missing in English").isEmpty();
        assertThat(difference(used, keys("messages_ru.properties"))).as("code keys missing in Russian").isEmpty();
    }

    private static Set<String> keys(String file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(BUNDLE_DIR.resolve(file), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    private static Set<String> usedKeys(Path root, String suffix, Pattern pattern) throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(suffix)).toList()) {
                Matcher m = pattern.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    found.add(m.group(1));
                }
            }
        }
        return found;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
