package dev.recruitdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.ui.TaskRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.spi.QueryInterpretationCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's start-up order: services held back until the first screen's first result. */
class ConsoleStartupTest {

    @Test
    void theHookRunsOnceAfterTheFirstResultReachedItsScreen() {
        List<String> seen = new ArrayList<>();
        TaskRunner screens = ConsoleStartup.notifyingFirstResult(TaskRunner.direct(), () -> seen.add("services"));

        screens.run(() -> "week", week -> seen.add(week), failure -> seen.add("failed"));
        screens.run(() -> "next week", week -> seen.add(week), failure -> seen.add("failed"));

        assertThat(seen).containsExactly("week", "services", "next week");
    }

    @Test
    void aFailedFirstLoadStillStartsTheServices() {
        List<String> seen = new ArrayList<>();
        TaskRunner screens = ConsoleStartup.notifyingFirstResult(TaskRunner.direct(), () -> seen.add("services"));

        screens.run(() -> {
            throw new IllegalStateException("disk gone");
        }, week -> seen.add("shown"), failure -> seen.add(failure.getMessage()));

        assertThat(seen).containsExactly("disk gone", "services");
    }

    @Test
    void theWarmUpTranslatesTheSchedulesQueriesAndNeverFailsTheOpening(@TempDir Path home) {
        Clock clock = Clock.fixed(Instant.parse("2026-12-02T08:00:00Z"), ZoneOffset.UTC);
        Backend backend = AppContext.forHome(home, clock).openBackend();
        try {
            QueryInterpretationCache plans = backend.database().sessionFactory().unwrap(SessionFactoryImplementor.class)
                    .getQueryEngine().getInterpretationCache();
            int before = plans.getNumberOfCachedHqlInterpretations();

            assertThat(ConsoleStartup.warmedUp(backend)).isSameAs(backend);

            // the week's slots query and, as the week has no slots yet, nothing more
            assertThat(plans.getNumberOfCachedHqlInterpretations()).isGreaterThan(before);
        } finally {
            backend.close();
        }
        // a database gone meanwhile: the Schedule's own query reports it, not the opening
        assertThat(ConsoleStartup.warmedUp(backend)).isSameAs(backend);
    }
}
