package dev.recruitdesk.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs UI-initiated work off the FX thread and hands the result back on it. The app uses a pool of daemon
 * threads; view-model tests use {@link #direct()}, which runs everything on the caller's thread.
 */
public interface TaskRunner {

    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Hands a small UI update (e.g. progress) from a worker to the UI thread; the direct runner runs it at once. */
    default void post(Runnable update) {
        update.run();
    }

    /** Runs work and callbacks on the calling thread: for view-model tests without a toolkit. */
    static TaskRunner direct() {
        return new TaskRunner() {
            @Override
            public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            }
        };
    }
}
