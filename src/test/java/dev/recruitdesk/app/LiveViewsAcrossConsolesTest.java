package dev.recruitdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.recruitdesk.booking.LiveChanges;
import dev.recruitdesk.booking.SlotDraft;
import dev.recruitdesk.booking.SlotRow;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.Booking;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.sandbox.FakeBotApi;
import dev.recruitdesk.sandbox.FakeMessage;
import dev.recruitdesk.sandbox.FakeUser;
import dev.recruitdesk.store.ChangeFeed;
import dev.recruitdesk.store.DatabaseSettings;
import dev.recruitdesk.store.Notifications;
import dev.recruitdesk.store.TestDatabases;
import dev.recruitdesk.ui.ConsoleServices;
import dev.recruitdesk.ui.FxTaskRunner;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.requests.RequestItem;
import dev.recruitdesk.ui.requests.RequestsViewModel;
import dev.recruitdesk.ui.schedule.ScheduleViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Two consoles (two backends in this JVM, each with its own database pool and listening connection) on one
 * PostgreSQL database: what one changes shows in the other's screens within 2 s, and a lost notification is made
 * up for by the periodic refresh.
 */
@ExtendWith(ApplicationExtension.class)
class LiveViewsAcrossConsolesTest {

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        // the view models hop to the FX thread; no window is needed
    }

    @Test
    void aBookingAndASlotMadeInOneConsoleShowInTheOthersScreensWithinTwoSeconds() throws Exception {
        DatabaseSettings shared = TestDatabases.freshPostgres();
        try (FakeBotApi telegram = FakeBotApi.start(); FxTaskRunner tasks = new FxTaskRunner();
             Backend a = open("a", shared, telegram); Backend b = open("b", shared, telegram)) {
            a.startServices();
            b.startServices();
            await().atMost(Duration.ofSeconds(10)).until(() -> a.isLive() && b.isLive());
            ConsoleServices seenByA = ConsoleApp.servicesOf(a);
            I18n i18n = new I18n(Locale.ENGLISH);
            RequestsViewModel requests = onFx(() -> new RequestsViewModel(seenByA, tasks, i18n, Platform::runLater));
            ScheduleViewModel schedule = onFx(() -> new ScheduleViewModel(seenByA, tasks, i18n));
            onFx(() -> {
                requests.refresh();
                schedule.refresh();
                return null;
            });
            Instant start = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
            if (!LocalDate.ofInstant(start, seenByA.recruiterZone()).isBefore(onFx(() -> schedule.weekStartProperty().get()).plusWeeks(1))) {
                onFx(() -> {
                    schedule.nextWeek();
                    return null;
                });
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> !onFx(() -> schedule.loadingProperty().get()));

            SlotRow slot = b.slots().create(b.currentRecruiterId(), start, Duration.ofMinutes(45), "Room 4");

            await().atMost(Duration.ofSeconds(2)).until(() -> onFx(() -> schedule.slots().stream().anyMatch(s -> s.id() == slot.id())));

            Candidate candidate = b.candidates().create("Vera Live", "Europe/Berlin");
            Booking booking = b.bookings().request(slot.id(), candidate.getId(), Actor.CANDIDATE);

            await().atMost(Duration.ofSeconds(2)).until(() -> onFx(() -> requests.requests().stream()
                    .map(RequestItem::bookingId).anyMatch(id -> id == booking.getId())));
        }
    }

    @Test
    void aBookingMadeThroughTheBotInTheLeadersConsoleShowsInAFollowersRequestsWithinTwoSeconds() throws Exception {
        DatabaseSettings shared = TestDatabases.freshPostgres();
        try (FakeBotApi telegram = FakeBotApi.start(); FxTaskRunner tasks = new FxTaskRunner();
             Backend leader = open("leader", shared, telegram); Backend follower = open("follower", shared, telegram)) {
            leader.startServices();
            follower.startServices();
            await().atMost(Duration.ofSeconds(10)).until(() -> leader.isDispatching() && leader.isLive() && follower.isLive());
            ConsoleServices seenByFollower = ConsoleApp.servicesOf(follower);
            RequestsViewModel requests = onFx(() -> new RequestsViewModel(seenByFollower, tasks, new I18n(Locale.ENGLISH), Platform::runLater));
            SlotRow slot = follower.slots().create(follower.currentRecruiterId(), Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES),
                    Duration.ofMinutes(30), "Room 9");
            FakeUser user = FakeUser.privateChat(7001, "Boris", "boris_bot_path");

            telegram.enqueueStart(user, null);
            awaitText(telegram, user, "What is your name");
            telegram.enqueueText(user, "Boris Botpath");
            FakeMessage zones = awaitText(telegram, user, "Choose your city");
            telegram.pressButton(user, zones.messageId(), buttonData(zones, b -> b.get("text").getAsString().contains("Moscow")));
            FakeMessage days = awaitText(telegram, user, "Choose a day");
            long epochDay = slot.start().atZone(ZoneId.of("Europe/Moscow")).toLocalDate().toEpochDay();
            telegram.pressButton(user, days.messageId(), buttonData(days, b -> b.get("callback_data").getAsString().startsWith("v1:dy:" + epochDay + ":")));
            FakeMessage times = awaitMessage(telegram, user, m -> m.messageId() == days.messageId() && m.replyMarkupJson() != null
                    && m.replyMarkupJson().contains("v1:p:" + slot.id() + ":"));
            telegram.pressButton(user, times.messageId(), buttonData(times, b -> b.get("callback_data").getAsString().startsWith("v1:p:" + slot.id() + ":")));
            long booked = await().atMost(Duration.ofSeconds(20)).until(() -> leader.database().inTransaction(s -> s.createSelectionQuery(
                    "select b.id from Booking b where b.slotId = :slot", Long.class).setParameter("slot", slot.id()).getResultList()), l -> !l.isEmpty()).get(0);

            await().atMost(Duration.ofSeconds(2)).until(() -> onFx(() -> requests.requests().stream()
                    .map(RequestItem::bookingId).anyMatch(id -> id == booked)));
        }
    }

    private static FakeMessage awaitText(FakeBotApi telegram, FakeUser user, String text) {
        return awaitMessage(telegram, user, m -> m.text().contains(text));
    }

    private static FakeMessage awaitMessage(FakeBotApi telegram, FakeUser user, Predicate<FakeMessage> condition) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> telegram.messagesTo(user.chatId()).stream().filter(condition)
                .reduce((a, b) -> b), Optional::isPresent).orElseThrow();
    }

    private static String buttonData(FakeMessage m, Predicate<JsonObject> which) {
        for (JsonElement row : JsonParser.parseString(m.replyMarkupJson()).getAsJsonObject().getAsJsonArray("inline_keyboard")) {
            for (JsonElement b : row.getAsJsonArray()) {
                if (b.getAsJsonObject().has("callback_data") && which.test(b.getAsJsonObject())) {
                    return b.getAsJsonObject().get("callback_data").getAsString();
                }
            }
        }
        throw new AssertionError("no such button in " + m);
    }

    @Test
    void aLostNotificationIsMadeUpForByThePeriodicRefresh() throws Exception {
        DatabaseSettings shared = TestDatabases.freshPostgres();
        try (FakeBotApi telegram = FakeBotApi.start(); Backend b = open("b", shared, telegram);
             Notifications deaf = new Notifications(shared)) {
            // a console whose listening connection never comes up: no NOTIFY and no gap reaches it
            LiveChanges live = new LiveChanges(new ChangeFeed(deaf), LiveChanges.COALESCE, Duration.ofMillis(700));
            AtomicLong slotsSeen = new AtomicLong();
            AtomicInteger refreshes = new AtomicInteger();
            live.subscribe(Set.of("slot"), Runnable::run, () -> {
                refreshes.incrementAndGet();
                slotsSeen.set(b.database().inTransaction(s -> s.createSelectionQuery("select count(*) from Slot", Long.class)
                        .getSingleResult()));
            });
            live.start();
            try {
                b.slots().create(b.currentRecruiterId(), Instant.now().plus(1, ChronoUnit.DAYS), Duration.ofMinutes(30), "Room 1");

                await().atMost(Duration.ofSeconds(3)).until(() -> slotsSeen.get() == 1);
                assertThat(deaf.isListening()).isFalse();
            } finally {
                live.close();
            }
        }
    }

    @Test
    void aBurstOfChangesInAnotherConsoleMakesFewRefreshes() throws Exception {
        DatabaseSettings shared = TestDatabases.freshPostgres();
        try (FakeBotApi telegram = FakeBotApi.start(); Backend b = open("b", shared, telegram);
             Notifications listening = new Notifications(shared)) {
            LiveChanges live = new LiveChanges(new ChangeFeed(listening), LiveChanges.COALESCE, Duration.ofHours(1));
            AtomicInteger refreshes = new AtomicInteger();
            AtomicLong slotsSeen = new AtomicLong();
            live.subscribe(Set.of("slot"), Runnable::run, () -> {
                refreshes.incrementAndGet();
                slotsSeen.set(b.database().inTransaction(s -> s.createSelectionQuery("select count(*) from Slot", Long.class)
                        .getSingleResult()));
            });
            live.start();
            listening.start();
            try {
                await().atMost(Duration.ofSeconds(10)).until(listening::isListening);
                Instant first = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
                for (int i = 0; i < 30; i++) {
                    b.slots().create(b.currentRecruiterId(), first.plus(i, ChronoUnit.HOURS), Duration.ofMinutes(30), "Room " + i);
                }

                await().atMost(Duration.ofSeconds(2)).until(() -> slotsSeen.get() == 30);
                assertThat(refreshes.get()).as("refreshes for 30 commits").isLessThan(30);
                long previous = refreshes.get();
                b.slots().createMany(b.currentRecruiterId(), IntStream.range(0, 500)
                        .mapToObj(i -> new SlotDraft(first.plus(40 + i, ChronoUnit.HOURS), Duration.ofMinutes(30), "Bulk"))
                        .toList());
                await().atMost(Duration.ofSeconds(2)).until(() -> slotsSeen.get() == 530);
                assertThat(refreshes.get() - previous).as("refreshes for one 500-slot import").isLessThanOrEqualTo(2);
            } finally {
                live.close();
            }
        }
    }

    private Backend open(String name, DatabaseSettings shared, FakeBotApi telegram) {
        Path home = TeamFixture.home(dir.resolve(name), shared, telegram, 200);
        return AppContext.forHome(home, Clock.systemUTC()).openBackend();
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }
}
