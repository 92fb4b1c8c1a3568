package dev.recruitdesk.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The app's {@link TaskRunner}: a small pool of daemon threads; callbacks hop back to the FX thread. */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FxTaskRunner.class);

    private final ExecutorService pool;

    public FxTaskRunner() {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(3, r -> {
            Thread t = new Thread(r, "recruitdesk-ui-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        if (pool.isShutdown()) {
            // a refresh announced just before the window closed: nothing is left to show it
            log.debug("ui.task dropped: the runner is closed");
            return;
        }
        pool.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Throwable e) {
                log.debug("ui.task failed: {}", e.toString());
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    @Override
    public void post(Runnable update) {
        Platform.runLater(update);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
