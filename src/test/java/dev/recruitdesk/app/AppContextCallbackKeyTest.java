package dev.recruitdesk.app;

import dev.recruitdesk.telegram.CallbackCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class AppContextCallbackKeyTest {

    @TempDir
    Path home;

    @Test
    void callbackKeyIsGeneratedOnceKeptInTheSettingsFileAndSurvivesARestart() throws Exception {
        AppContext first = AppContext.forHome(home, Clock.systemUTC());
        String data = first.callbackCodec().encode(CallbackCodec.Action.CONFIRM, 42, 3);

        assertThat(Files.readString(home.resolve(Config.FILE_NAME))).contains("telegram.callbackKey=");
        AppContext restarted = AppContext.forHome(home, Clock.systemUTC());
        assertThat(restarted.callbackCodec().decode(data).isValid()).isTrue();
        assertThat(restarted.config().describe()).doesNotContain(restarted.config().get(Config.Key.TELEGRAM_CALLBACK_KEY).orElseThrow());
    }
}
