package dev.recruitdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recruitdesk.store.DatabaseInUseException;
import dev.recruitdesk.ui.TaskRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's start-up order: the backend opened ahead of the toolkit, and services held back until the first result. */
class ConsoleStartupTest {

    @TempDir
    Path home;

    @Test
    void theBackendBegunEarlyIsTheOneHandedToTheConsole() {
        AppContext context = AppContext.forHome(home, Clock.systemUTC());
        ConsoleStartup.openEarly(context);
        try (Backend backend = ConsoleStartup.backend(context)) {
            assertThat(backend.context()).isSameAs(context);
            assertThat(backend.recruiters().get(backend.currentRecruiterId())).isNotNull();
            assertThat(backend.bot()).as("services wait for the first screen").isNull();
        }
    }

    @Test
    void aFailedEarlyOpenReachesTheConsoleAsItsOwnException() {
        AppContext first = AppContext.forHome(home, Clock.systemUTC());
        try (Backend running = first.openBackend()) {
            AppContext second = AppContext.forHome(home, Clock.systemUTC());
            ConsoleStartup.openEarly(second);
            assertThatThrownBy(() -> ConsoleStartup.backend(second)).isInstanceOf(DatabaseInUseException.class);
        }
    }

    @Test
    void anotherContextIsOpenedOnItsOwnAndTheEarlyOneIsNotTaken() {
        Path otherHome = home.resolve("other");
        AppContext begun = AppContext.forHome(home, Clock.systemUTC());
        AppContext other = AppContext.forHome(otherHome, Clock.systemUTC());
        ConsoleStartup.openEarly(begun);
        try (Backend backend = ConsoleStartup.backend(other)) {
            assertThat(backend.context()).isSameAs(other);
        }
        try (Backend backend = ConsoleStartup.backend(begun)) {
            assertThat(backend.context()).isSameAs(begun);
        }
    }

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
}
