package dev.recruitdesk.bench;

import javafx.application.Application;

/** The hidden {@code --bench-hello} and {@code --bench-seed} entry points, reached through the normal launcher. */
public final class Bench {

    private Bench() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("--bench-hello") || args[0].equals("--bench-seed"));
    }

    /** Runs the benchmark command; returns the exit code. */
    public static int run(String[] args) {
        if (args[0].equals("--bench-hello")) {
            Application.launch(HelloWindow.class);
            return 0;
        }
        return SlotSeeder.main(args);
    }
}
