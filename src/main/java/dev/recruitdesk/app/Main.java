package dev.recruitdesk.app;

import dev.recruitdesk.bench.Bench;
import dev.recruitdesk.store.DatabaseInUseException;
import dev.recruitdesk.store.SecretsKey;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import javafx.application.Application;
import org.slf4j.LoggerFactory;

/**
 * The one entry point: a plain class (not the JavaFX {@code Application}) so it starts the same way from an IDE,
 * Maven and the packaged image. Exit codes: 0 ok, 1 failure, 2 bad command line, 3 data folder in use,
 * 4 the target of {@code --migrate-to} is not empty.
 */
public final class Main {

    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_IN_USE = 3;
    public static final int EXIT_TARGET_NOT_EMPTY = 4;

    private Main() {
    }

    public static void main(String[] args) {
        if (Bench.handles(args)) {
            System.exit(Bench.run(args));
        }
        int code = run(args, System.out, System.err);
        if (code >= 0) {
            System.exit(code);
        }
    }

    /** Runs the command; returns the exit code, or -1 when the console window owns the process from here on. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(LaunchOptions.USAGE);
            return EXIT_USAGE;
        }
        switch (options.mode()) {
            case HELP:
                out.println(LaunchOptions.USAGE);
                return 0;
            case VERSION:
                out.println("RecruitDesk " + Version.get() + " (Java " + Runtime.version() + ")");
                return 0;
            case GENERATE_SECRETS_KEY:
                // printed, never logged or stored: the admin copies it into each console's file (0600)
                out.println("secrets.key=" + SecretsKey.generate());
                return 0;
            default:
                break;
        }
        Path home = options.home().toAbsolutePath().normalize();
        System.setProperty("recruitdesk.logDir", home.resolve("logs").toString());
        if (options.mode() == LaunchOptions.Mode.CONSOLE) {
            return ConsoleLaunch.run(home, args, err);
        }
        AppContext.logStart(home, options.mode());
        try {
            AppContext context = AppContext.forHome(home, Clock.systemUTC());
            switch (options.mode()) {
                case SELF_TEST:
                    return SelfTest.run(context, out, err);
                case IMPORT_SLOTS:
                    return SlotImport.run(context, options.importFile(), out, err);
                case HEADLESS:
                    return runHeadless(context, err);
                case MIGRATE:
                    return MigrateCommand.run(context, options, out, err);
                default:
                    throw new IllegalStateException("not a command: " + options.mode());
            }
        } catch (RuntimeException e) {
            return startFailed(e, err);
        }
    }

    /**
     * Tells the user on {@code err} why the process could not start and returns its exit code: another process on
     * the data folder, or anything else (logged).
     */
    static int startFailed(Throwable failure, PrintStream err) {
        if (failure instanceof DatabaseInUseException) {
            err.println(failure.getMessage());
            return EXIT_IN_USE;
        }
        LoggerFactory.getLogger(Main.class).error("start.failed", failure);
        err.println("RecruitDesk could not start: " + failure.getMessage());
        return EXIT_FAILURE;
    }

    private static int runHeadless(AppContext context, PrintStream err) {
        HeadlessService service;
        try {
            service = HeadlessService.start(context);
        } catch (HeadlessService.RefusedException e) {
            err.println("RecruitDesk cannot run headless: " + e.getMessage());
            return EXIT_FAILURE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "recruitdesk-shutdown"));
        err.println("RecruitDesk is running headless on " + context.home() + " (Ctrl+C to stop)");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
