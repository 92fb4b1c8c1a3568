package dev.recruitdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.domain.Role;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The account refusals' keys (thrown in the accounts package, shown by the console) exist in both languages. */
class AccountsI18nTest {

    private static final Path BUNDLE_DIR = Path.of("src/main/resources/dev/recruitdesk/ui");
    private static final Pattern PROBLEM_KEY = Pattern.compile("new AccountProblem\\([^,]*,\\s*\"([^\"]+)\"");

    @Test
    void everyAccountProblemAndRoleHasAMessageInBothLanguages() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/recruitdesk/accounts"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = PROBLEM_KEY.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        for (Role role : Role.values()) {
            used.add("accounts.role." + role.name().toLowerCase(Locale.ROOT));
        }
        assertThat(used).as("the scan finds the keys").contains("accounts.error.lastAdmin", "accounts.error.passwordShort");

        for (String bundle : new String[] {"messages.properties", "messages_ru.properties"}) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(BUNDLE_DIR.resolve(bundle), StandardCharsets.UTF_8)) {
                p.load(r);
            }
            assertThat(p.stringPropertyNames()).as(bundle).containsAll(used);
        }
    }
}
