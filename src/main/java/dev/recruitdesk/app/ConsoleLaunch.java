package dev.recruitdesk.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.application.Application;

/**
 * Starts the console with two slow beginnings side by side: JavaFX's toolkit on the launching thread, and on a
 * second thread the logging set-up, the configuration and the data folder's lock (installer/bench-startup.sh:
 * logging alone was a tenth of a second before the window could start). {@link ConsoleApp#start} takes the
 * context from here; a second console on the same folder, or a broken configuration, ends the process before any
 * window shows, with the message on stderr and the exit code {@link Main} documents. The database is not opened
 * here: opening it beside the toolkit's start made the window 80 ms later and the first week no sooner
 * ({@link ConsoleStartup}); {@link ConsoleApp#start} opens it.
 *
 * <p>This class has no logger on purpose: touching SLF4J here would set up logging on the launching thread
 * before the second thread could.
 */
final class ConsoleLaunch {

    private static volatile ConsoleLaunch current;

    private final CompletableFuture<AppContext> context = new CompletableFuture<>();
    private final PrintStream err;
    private volatile int exitCode = -1;

    private ConsoleLaunch(PrintStream err) {
        this.err = err;
    }

    /** Runs the console until its window closes; returns an exit code when it could not start, else -1. */
    static int run(Path home, String[] args, PrintStream err) {
        ConsoleLaunch launch = new ConsoleLaunch(err);
        current = launch;
        Thread startup = new Thread(() -> launch.prepare(home), "recruitdesk-startup");
        startup.setDaemon(true);
        startup.start();
        Application.launch(ConsoleApp.class, args);
        return launch.exitCode;
    }

    private void prepare(Path home) {
        try {
            AppContext.logStart(home, LaunchOptions.Mode.CONSOLE);
            AppContext opened = AppContext.forHome(home, Clock.systemUTC());
            opened.lockDataFolder();
            context.complete(opened);
        } catch (Throwable e) {
            context.completeExceptionally(e);
        }
    }

    /**
     * The context for {@link ConsoleApp#start}, on the FX thread: ready by then (the toolkit takes longer to start
     * than the logging). Empty when the console cannot start: the message is printed and the exit code set, and
     * the caller leaves without showing a window.
     */
    static Optional<AppContext> awaitContext() {
        ConsoleLaunch launch = Objects.requireNonNull(current, "ConsoleLaunch.run was not called");
        try {
            return Optional.of(launch.context.join());
        } catch (CompletionException e) {
            launch.exitCode = Main.startFailed(e.getCause() == null ? e : e.getCause(), launch.err);
            return Optional.empty();
        }
    }
}
