package dev.recruitdesk.app;

import dev.recruitdesk.accounts.Caller;
import dev.recruitdesk.ui.TaskRunner;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's start-up order, tuned for time to the first week on screen (installer/bench-startup.sh): the bot
 * services (sandbox server, leader lease, dispatcher, poller) start only once the first screen has its data, so
 * they do not compete with it for the CPU. The launcher starts opening the database while JavaFX starts (see
 * {@code ConsoleApp.launchWith}), and that same thread then runs the Schedule's first query once ({@link #warmedUp}).
 */
final class ConsoleStartup {

    private static final Logger log = LoggerFactory.getLogger(ConsoleStartup.class);

    private ConsoleStartup() {
    }

    /**
     * Runs the Schedule's first query (this week of the console's recruiter) once and drops the rows, so that when
     * the screen asks, Hibernate has both queries translated and H2 has the week's pages cached: the first run took
     * about 150 ms, the next a few. Embedded database only: in team mode the recruiter is known after the login.
     * A failure here is left to the screen's own query to report.
     */
    static Backend warmedUp(Backend opened) {
        if (opened.database().settings().isPostgres()) {
            return opened;
        }
        try {
            long me = opened.currentRecruiterId();
            ZoneId zone = opened.recruiters().get(me).getZone();
            LocalDate monday = LocalDate.ofInstant(opened.context().clock().instant(), zone)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            int rows = opened.slots().list(Caller.soleUser(me, "warm-up"), me, monday.atStartOfDay(zone).toInstant(),
                    monday.plusWeeks(1).atStartOfDay(zone).toInstant()).size();
            log.debug("console.warm-up rows={}", rows);
        } catch (RuntimeException e) {
            log.warn("console.warm-up failed: {}", e.toString());
        }
        return opened;
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
