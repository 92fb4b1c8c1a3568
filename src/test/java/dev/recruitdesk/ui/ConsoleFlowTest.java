package dev.recruitdesk.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A TestFX test of the whole console: before each test a {@link ConsoleHarness} opens on a fresh home folder and
 * shows in English, after it the harness closes, so a flow test keeps only its own steps and helpers.
 *
 * <p>A base class rather than a JUnit extension so the tests keep reaching {@link #console} and {@link #home} as
 * fields, as they did; an extension would put a getter in front of every {@code console.services} call.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class ConsoleFlowTest {

    @TempDir
    protected Path home;
    protected ConsoleHarness console;

    /** The console's clock; asked for before each test, so it may depend on what {@code @BeforeAll} seeded. */
    protected abstract Clock clock();

    /** The home the console opens: {@link #home} unless the test seeded one for all its tests. */
    protected Path consoleHome() {
        return home;
    }

    /** Runs with the backend open and before the window shows, for data the first screen should already see. */
    protected void beforeShow() throws Exception {
    }

    /**
     * Opening the database may take longer than TestFX allows a {@code @Start} method on a busy machine: it happens
     * here. TestFX finds {@code @Start} only on the test class itself, so the stage comes from the toolkit, which
     * registered it for this test before any {@code @BeforeEach} runs.
     */
    @BeforeEach
    protected final void openConsole(FxRobot robot) throws Exception {
        console = new ConsoleHarness(consoleHome(), clock(), "en");
        beforeShow();
        Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
        robot.interact(() -> console.show(stage, Locale.ENGLISH));
    }

    @AfterEach
    protected final void closeConsole() {
        if (console != null) {
            console.close();
        }
    }
}
