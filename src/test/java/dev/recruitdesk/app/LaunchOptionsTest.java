package dev.recruitdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void defaultsToConsoleInTheUsersHome() {
        LaunchOptions o = LaunchOptions.parse(new String[0], Map.of());
        assertThat(o.mode()).isEqualTo(LaunchOptions.Mode.CONSOLE);
        assertThat(o.home()).isEqualTo(Path.of(System.getProperty("user.home"), ".recruitdesk"));
    }

    @Test
    void environmentHomeIsUsedAndFlagWins() {
        assertThat(LaunchOptions.parse(new String[0], Map.of("RECRUITDESK_HOME", "/srv/rd")).home()).isEqualTo(Path.of("/srv/rd"));
        assertThat(LaunchOptions.parse(new String[] {"--home", "/x"}, Map.of("RECRUITDESK_HOME", "/srv/rd")).home()).isEqualTo(Path.of("/x"));
        assertThat(LaunchOptions.parse(new String[] {"--home=/y"}, Map.of()).home()).isEqualTo(Path.of("/y"));
    }

    @Test
    void modes() {
        assertThat(LaunchOptions.parse(new String[] {"--headless"}, Map.of()).mode()).isEqualTo(LaunchOptions.Mode.HEADLESS);
        assertThat(LaunchOptions.parse(new String[] {"--self-test"}, Map.of()).mode()).isEqualTo(LaunchOptions.Mode.SELF_TEST);
        assertThat(LaunchOptions.parse(new String[] {"--self-test", "--help"}, Map.of()).mode()).isEqualTo(LaunchOptions.Mode.HELP);
        assertThat(LaunchOptions.parse(new String[] {"--version", "--headless"}, Map.of()).mode()).isEqualTo(LaunchOptions.Mode.VERSION);
    }

    @Test
    void badInputIsExplained() {
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--nope"}, Map.of())).hasMessageContaining("Unknown option: --nope");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--home"}, Map.of())).hasMessageContaining("--home needs a folder");
    }

    @Test
    void migrateToTakesAPostgresUrlAndOptionalCredentials() {
        LaunchOptions o = LaunchOptions.parse(new String[] {"--migrate-to", "jdbc:postgresql://db:5432/rd", "--db-user", "rd",
                "--db-password", "s3cret"}, Map.of());
        assertThat(o.mode()).isEqualTo(LaunchOptions.Mode.MIGRATE);
        assertThat(o.migrateTarget()).isEqualTo("jdbc:postgresql://db:5432/rd");
        assertThat(o.dbUser()).isEqualTo("rd");
        assertThat(o.dbPassword()).isEqualTo("s3cret");
        assertThat(LaunchOptions.parse(new String[] {"--migrate-to", "jdbc:postgresql://db/rd"}, Map.of()).dbUser()).isNull();
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--migrate-to", "jdbc:h2:/tmp/x"}, Map.of()))
                .hasMessageContaining("--migrate-to needs a jdbc:postgresql: URL");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--migrate-to"}, Map.of())).hasMessageContaining("--migrate-to needs");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--headless", "--db-password", "x"}, Map.of()))
                .hasMessageContaining("go with --migrate-to");
    }
}
