package dev.recruitdesk.app;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Starts {@link Main} in a separate JVM on this test run's class path, as a user would from a terminal. */
final class ChildProcess {

    /** The finished process: exit code and everything it printed. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    private ChildProcess() {
    }

    /** Starts the child with stdout and stderr going to {@code log}, for long-running children nobody reads. */
    static Process startLogged(Path log, String... args) {
        try {
            return new ProcessBuilder(command(args)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Process start(String... args) {
        return start(List.of(), args);
    }

    private static Process start(List<String> jvmOptions, String... args) {
        try {
            return new ProcessBuilder(command(jvmOptions, args)).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> command(String... args) {
        return command(List.of(), args);
    }

    private static List<String> command(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        // without the test classes: the child runs main code only, and without the tests' logback-test.xml it
        // gets the production logging (LogConfigurator: a rolling file in the home folder)
        command.add(Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator)));
        command.add("-Xmx256m");
        command.addAll(jvmOptions);
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    static Result run(String... args) {
        return run(List.of(), args);
    }

    /** Runs the console (no command flag) on JavaFX's headless platform, as the TestFX tests do. */
    static Result runConsoleHeadless(String... args) {
        return run(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Djava.awt.headless=true"), args);
    }

    private static Result run(List<String> jvmOptions, String... args) {
        Process p = start(jvmOptions, args);
        try {
            // read both streams fully before waiting, so a chatty child cannot block on a full pipe
            var err = p.getErrorStream();
            var errText = new java.util.concurrent.CompletableFuture<String>();
            new Thread(() -> {
                try {
                    errText.complete(new String(err.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    errText.completeExceptionally(e);
                }
            }, "child-stderr").start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("child did not exit within 60 s");
            }
            return new Result(p.exitValue(), out, errText.get(10, TimeUnit.SECONDS));
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IllegalStateException(e);
        }
    }
}
