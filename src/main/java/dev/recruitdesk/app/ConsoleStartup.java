package dev.recruitdesk.app;

import dev.recruitdesk.ui.TaskRunner;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The console's start-up order, tuned for time to the first week on screen (installer/bench-startup.sh): the bot
 * services (sandbox server, leader lease, dispatcher, poller) start only once the first screen has its data, so
 * they do not compete with it for the CPU. The database is not opened before the window shows: on the busy 2-core
 * machine, opening it while JavaFX started brought the data 0.4-1 s sooner but made the window 0.3-0.85 s later.
 */
final class ConsoleStartup {

    private ConsoleStartup() {
    }

    /**
     * A runner for the screens that calls {@code onFirstResult} once, on the FX thread, right after the first
     * result (or failure) it delivered was handed to the screen. Built before the Schedule screen, the only
     * screen loaded at start, so that first result is the Schedule's first week.
     */
    static TaskRunner notifyingFirstResult(TaskRunner tasks, Runnable onFirstResult) {
        AtomicBoolean fired = new AtomicBoolean();
        Runnable once = () -> {
            if (fired.compareAndSet(false, true)) {
                onFirstResult.run();
            }
        };
        return new TaskRunner() {
            @Override
            public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                tasks.run(work, result -> {
                    try {
                        onSuccess.accept(result);
                    } finally {
                        once.run();
                    }
                }, failure -> {
                    try {
                        onFailure.accept(failure);
                    } finally {
                        once.run();
                    }
                });
            }

            @Override
            public void post(Runnable update) {
                tasks.post(update);
            }
        };
    }
}
