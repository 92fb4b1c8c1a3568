package dev.recruitdesk.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import dev.recruitdesk.ui.Frames;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Prints start-up milestones as JVM uptime when {@code -Drecruitdesk.startupProbe=true}:
 * {@code probe.window-shown ms=…} at the first pulse after {@code stage.show()}, {@code probe.data-shown ms=…} at
 * the pulse after the data first showed (so that frame was rendered), then {@code probe.rss kb=…} (VmRSS) a
 * settling second later. With {@code -Drecruitdesk.startupProbe.exit=true} the application then exits.
 * Costs nothing when the property is absent: no timer is installed.
 */
public final class StartupProbe {

    private static final long SETTLE_MS = 1000;

    private StartupProbe() {
    }

    public static boolean enabled() {
        return Boolean.getBoolean("recruitdesk.startupProbe");
    }

    /**
     * Call on the FX thread right after {@code stage.show()}. {@code dataShown} is polled once per pulse after the
     * window showed; {@code null} means the window is all there is to wait for.
     */
    public static void watchFromShow(String dataName, BooleanSupplier dataShown) {
        if (!enabled()) {
            return;
        }
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                report("window-shown", "");
                if (dataShown == null) {
                    reportRssAfterSettling();
                } else {
                    afterShown(dataShown, () -> {
                        report(dataName + "-shown", "");
                        reportRssAfterSettling();
                    });
                }
            }
        }.start();
    }

    /**
     * Call on the FX thread: prints {@code probe.NAME-shown ms=…} at the pulse after the one where {@code shown}
     * first held (that frame was rendered by then), for a milestone besides the one {@link #watchFromShow} waits for.
     */
    public static void watchUntil(String name, BooleanSupplier shown) {
        if (enabled()) {
            afterShown(shown, () -> report(name + "-shown", ""));
        }
    }

    /** Polls {@code shown} once per pulse; runs {@code then} at the pulse after the one where it first held. */
    private static void afterShown(BooleanSupplier shown, Runnable then) {
        new AnimationTimer() {
            private boolean seen;

            @Override
            public void handle(long now) {
                if (seen) {
                    stop();
                    then.run();
                } else {
                    seen = shown.getAsBoolean();
                }
            }
        }.start();
    }

    /** {@code probe.rss kb=…} a settling second from now; then the exit, when asked for. */
    private static void reportRssAfterSettling() {
        long from = uptime();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (uptime() - from >= SETTLE_MS) {
                    stop();
                    System.out.println("probe.rss kb=" + rssKb());
                    System.out.flush();
                    if (Boolean.getBoolean("recruitdesk.startupProbe.exit")) {
                        exit();
                    }
                }
            }
        }.start();
    }

    /**
     * Call on the FX thread after changing what the window shows: prints {@code probe.NAME-shown ms=…} at the pulse
     * after the next one (the change's frame was rendered by then).
     */
    public static void watchNextFrame(String name) {
        if (enabled()) {
            Frames.afterNextFrame(() -> report(name + "-shown", ""));
        }
    }

    /** Milestones go to stdout on purpose: they are the interface installer/bench-startup.sh reads, not log lines. */
    private static void report(String milestone, String extra) {
        System.out.println("probe." + milestone + " ms=" + uptime() + extra);
        System.out.flush();
    }

    private static long uptime() {
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }

    /** VmRSS of this process from /proc, in kB; -1 where there is no /proc. */
    static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** A normal exit (the app's stop() closes the database); a watchdog ends the JVM should that hang. */
    private static void exit() {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("probe.exit-timeout");
            Runtime.getRuntime().halt(1);
        }, "recruitdesk-probe-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Platform.exit();
    }
}
