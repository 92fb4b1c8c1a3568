package dev.recruitdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

    @TempDir
    Path home;

    @Test
    void firstRunCreatesOwnerOnlyFileWithNoProblems() throws Exception {
        Config config = Config.load(home);
        Path file = home.resolve(Config.FILE_NAME);
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(config.problems()).isEmpty();
        assertThat(config.get(Config.Key.TELEGRAM_TOKEN)).isEmpty();
    }

    @Test
    void unknownKeysAndMalformedValuesAreReportedWithKeyAndLine() throws Exception {
        Files.writeString(home.resolve(Config.FILE_NAME), String.join("\n",
                "# comment",
                "telegram.apiUrl=ftp://nope",
                "db.ulr=jdbc:h2:mem:x",
                "no equals sign here",
                "ui.language=de",
                "ui.theme=dark",
                ""));
        Config config = Config.load(home);
        assertThat(config.problems()).extracting(Config.Problem::line).containsExactly(2, 3, 4, 5);
        assertThat(config.problems().get(0).toString()).contains("line 2").contains("telegram.apiUrl").contains("http");
        assertThat(config.problems().get(1).toString()).contains("line 3").contains("db.ulr").contains("not a known key");
        assertThat(config.get(Config.Key.UI_THEME)).contains("dark");
        assertThat(config.get(Config.Key.UI_LANGUAGE)).isEmpty();
    }

    @Test
    void secretsAreMaskedInDescriptionsAndProblems() throws Exception {
        Files.writeString(home.resolve(Config.FILE_NAME), "telegram.token=123456789:AAHsecretsecretsecretXYZW\ndb.password=hunter2-long\n");
        Config config = Config.load(home);
        assertThat(config.describe()).doesNotContain("secretsecret").doesNotContain("hunter2").contains("****XYZW");
        assertThat(Config.mask(Config.Key.TELEGRAM_TOKEN, "abc")).isEqualTo("****");
        assertThat(Config.mask(Config.Key.DB_URL, "jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
    }

    @Test
    void putReplacesTheKeyLineAndKeepsComments() throws Exception {
        Files.writeString(home.resolve(Config.FILE_NAME), "# keep me\nui.theme=light\n");
        Config config = Config.load(home);
        config.put(Config.Key.UI_THEME, "dark");
        config.put(Config.Key.UI_LANGUAGE, "en");
        List<String> lines = Files.readAllLines(home.resolve(Config.FILE_NAME));
        assertThat(lines).containsExactly("# keep me", "ui.theme=dark", "ui.language=en");
        assertThat(Config.load(home).get(Config.Key.UI_THEME)).contains("dark");
    }
}
