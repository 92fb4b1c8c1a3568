package dev.recruitdesk.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** A {@link TaskRunner} that holds work until the test says so: lets a test look at the state while work is in flight. */
public final class ManualTaskRunner implements TaskRunner {

    private final Deque<Runnable> pending = new ArrayDeque<>();

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        pending.add(() -> TaskRunner.direct().run(work, onSuccess, onFailure));
    }

    public int pending() {
        return pending.size();
    }

    /** Runs everything queued so far and whatever that queues in turn. */
    public void runAll() {
        while (!pending.isEmpty()) {
            pending.poll().run();
        }
    }
}
