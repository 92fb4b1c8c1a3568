package dev.recruitdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.ui.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
