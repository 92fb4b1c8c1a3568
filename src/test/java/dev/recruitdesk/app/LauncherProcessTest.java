package dev.recruitdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.store.DataFolderLock;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher as a real child process: what an admin sees in a terminal. */
class LauncherProcessTest {

    @TempDir
    Path home;

    @Test
    void selfTestBootsDatabaseAndPrintsOneLine() {
        ChildProcess.Result r = ChildProcess.run("--self-test", "--home", home.toString());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout().lines()).hasSize(1);
        assertThat(r.stdout()).startsWith("self-test ok version=").contains("db=\"H2 2.4").contains(home.resolve("data").toString());
        assertThat(home.resolve("data/recruitdesk.mv.db")).exists();
        assertThat(home.resolve("logs/recruitdesk.log")).exists();
    }

    @Test
    void selfTestFailsWithTheLineOfABadConfigValue() throws Exception {
        Files.createDirectories(home);
        Files.writeString(home.resolve(Config.FILE_NAME), "ui.theme=purple\n");
        ChildProcess.Result r = ChildProcess.run("--self-test", "--home", home.toString());
        assertThat(r.exitCode()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(r.stderr()).contains("line 1").contains("ui.theme").contains("light or dark");
        assertThat(r.stderr()).doesNotContain("Exception");
    }

    @Test
    void secondProcessOnTheSameDataFolderIsToldSoAndExitsNonZero() throws Exception {
        Process first = ChildProcess.start("--headless", "--home", home.toString());
        try {
            // the first process holds the folder lock once it is running headless
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> {
                try (DataFolderLock probe = DataFolderLock.acquire(home.resolve("data"))) {
                    return false;
                } catch (RuntimeException inUse) {
                    return true;
                }
            });
            ChildProcess.Result second = ChildProcess.run("--self-test", "--home", home.toString());
            assertThat(second.exitCode()).isEqualTo(Main.EXIT_IN_USE);
            assertThat(second.stderr()).contains("RecruitDesk is already running with this data folder (" + home.resolve("data"));
            assertThat(second.stderr()).contains("pid " + first.pid());

            // the console locks the folder on a second thread while JavaFX starts (ConsoleLaunch): told the same,
            // with the same exit code
            ChildProcess.Result console = ChildProcess.runConsoleHeadless("--home", home.toString());
            assertThat(console.exitCode()).as(console.stderr()).isEqualTo(Main.EXIT_IN_USE);
            assertThat(console.stderr()).contains("RecruitDesk is already running with this data folder (" + home.resolve("data"))
                    .contains("pid " + first.pid());
        } finally {
            first.destroy();
            first.waitFor();
        }
    }

    @Test
    void versionAndHelpAndBadFlag() {
        assertThat(ChildProcess.run("--version").stdout()).startsWith("RecruitDesk " + Version.get());
        assertThat(ChildProcess.run("--help").stdout()).contains("--self-test").contains("--home DIR");
        ChildProcess.Result bad = ChildProcess.run("--frobnicate");
        assertThat(bad.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(bad.stderr()).contains("Unknown option: --frobnicate");
    }
}
