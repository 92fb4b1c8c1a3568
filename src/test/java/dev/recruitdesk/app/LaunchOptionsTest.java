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
}
