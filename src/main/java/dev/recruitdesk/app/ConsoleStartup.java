package dev.recruitdesk.app;

import dev.recruitdesk.ui.TaskRunner;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The console's start-up order, tuned for time to the first week on screen (installer/bench-startup.sh):
 * <ol>
 *   <li>JavaFX starts while a second thread sets up logging and locks the data folder ({@link ConsoleLaunch});
 *   <li>the database starts opening on a task (pool and schema check only) as the FX thread builds the window's first
 *       frame, the shell's outline without controls ({@code StartupFrame}); opening it already beside the toolkit's
 *       start, on the second thread, made the window 80 ms later and the first week no sooner;
 *   <li>the FX thread puts the shell in place of that frame;
 *   <li>on the database's task, once the theme is set, the user's services are read and the
 *       Schedule is built, which reads its recruiter and first week with plain SQL, Hibernate not booted yet; the
 *       Schedule is shown together with that week, its form column a frame later;
 *   <li>once those frames are drawn: Hibernate boots, the other screens' buttons and the attention counts appear and
 *       the bot services (sandbox server, leader lease, dispatcher, poller) start. Booting Hibernate while the first
 *       screen was built made both take longer.
 * </ol>
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
