package dev.recruitdesk.app;

import dev.recruitdesk.ui.TaskRunner;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The console's start-up order, tuned for time to the first week on screen (installer/bench-startup.sh): the
 * database opens on its own thread while the JavaFX toolkit starts and the window shows, and the bot services
 * (sandbox server, leader lease, dispatcher, poller) start only once the first screen has its data, so they do not
 * compete with it for the CPU.
 */
final class ConsoleStartup {

    /** The backend the launcher began to open before the toolkit started, for the context it was opened for. */
    private record Early(AppContext context, CompletableFuture<Backend> backend) {
    }

    private static volatile Early early;

    private ConsoleStartup() {
    }

    /** Starts opening {@code context}'s backend now, on a daemon thread; {@link #backend} picks it up. */
    static void openEarly(AppContext context) {
        CompletableFuture<Backend> opening = new CompletableFuture<>();
        early = new Early(context, opening);
        Thread thread = new Thread(() -> {
            try {
                opening.complete(context.openBackend());
            } catch (Throwable e) {
                opening.completeExceptionally(e);
            }
        }, "recruitdesk-db-open");
        thread.setDaemon(true);
        thread.start();
    }

    /** The open backend of {@code context}: the one begun by {@link #openEarly}, else opened now. Slow: off the FX thread. */
    static Backend backend(AppContext context) {
        Early begun = early;
        if (begun == null || begun.context() != context) {
            return context.openBackend();
        }
        early = null;
        try {
            return begun.backend().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
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
