package dev.recruitdesk.ui.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.MutableClock;
import dev.recruitdesk.accounts.Caller;
import dev.recruitdesk.accounts.TestCallers;
import dev.recruitdesk.app.AppContext;
import dev.recruitdesk.app.Backend;
import dev.recruitdesk.app.ConsoleApp;
import dev.recruitdesk.booking.BookingService;
import dev.recruitdesk.booking.TestBookings;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.Booking;
import dev.recruitdesk.domain.BookingStatus;
import dev.recruitdesk.domain.Role;
import dev.recruitdesk.ui.ConsoleServices;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.TaskRunner;
import dev.recruitdesk.ui.bookings.BookingsViewModel;
import dev.recruitdesk.ui.requests.RequestsViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a recruiter sees when the row they act on was changed by someone else since their list loaded: an error
 * banner naming who and when, nothing done, and the row as it is now. The other console is a second set of use
 * cases on the same database (its changes are not announced to this console's screens, as across processes).
 */
class ConcurrentChangeViewModelsTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    @TempDir
    Path home;
    private final MutableClock clock = new MutableClock(NOW);
    private final I18n en = new I18n(Locale.ENGLISH);
    private Backend backend;
    private ConsoleServices services;
    private BookingService otherConsole;
    private Caller maria;

    @BeforeEach
    void open() {
        backend = AppContext.forHome(home, clock).openBackend();
        long me = backend.currentRecruiterId();
        services = ConsoleApp.servicesOf(backend, Caller.soleUser(me, "Anna")).withZoneAndClock(MOSCOW, clock);
        otherConsole = TestBookings.service(backend.database(), clock);
        maria = new Caller(null, "Maria", Role.ADMIN, me);
    }

    @AfterEach
    void close() {
        backend.close();
    }

    private long slot(Duration fromNow) {
        return services.slots().create(TestCallers.ADMIN, services.recruiterId(), NOW.plus(fromNow), Duration.ofMinutes(30), null).id();
    }

    private Booking request(String name) {
        long candidate = services.candidates().create(TestCallers.ADMIN, name, "Asia/Novosibirsk").getId();
        return services.bookings().request(slot(Duration.ofDays(1)), candidate, Actor.CANDIDATE);
    }

    @Test
    void approvingARequestAnotherConsoleJustMovedSaysWhoAndShowsItsNewTime() {
        Booking b = request("Ivan");
        RequestsViewModel vm = new RequestsViewModel(services, TaskRunner.direct(), en, Runnable::run);
        vm.refresh();
        vm.select(List.copyOf(vm.requests()));
        String timeSeen = vm.requests().get(0).recruiterTime();
        long later = slot(Duration.ofDays(2));
        clock.advance(Duration.ofSeconds(30));
        otherConsole.reschedule(maria, b.getId(), b.getVersion(), later);

        vm.approveSelected();

        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).contains("Not done: Maria changed this a moment ago. It is shown as it is now.");
        assertThat(services.bookings().find(b.getId()).getStatus()).as("nothing was approved").isEqualTo(BookingStatus.REQUESTED);
        assertThat(vm.requests()).hasSize(1);
        assertThat(vm.requests().get(0).row().slotId()).as("the row is refreshed").isEqualTo(later);
        assertThat(vm.requests().get(0).recruiterTime()).isNotEqualTo(timeSeen);

        // acting again on the refreshed row goes through
        vm.select(List.copyOf(vm.requests()));
        vm.approveSelected();
        assertThat(vm.messageIsErrorProperty().get()).isFalse();
        assertThat(services.bookings().find(b.getId()).getStatus()).isEqualTo(BookingStatus.APPROVED);
    }

    @Test
    void cancellingABookingTheCandidateJustConfirmedSaysTheCandidateDidIt() {
        Booking b = request("Olga");
        TestBookings.approve(services.bookings(), b.getId());
        BookingsViewModel vm = new BookingsViewModel(services, TaskRunner.direct(), en, Runnable::run);
        vm.refresh();
        vm.select(vm.items().get(0));
        assertThat(vm.items().get(0).row().status()).isEqualTo(BookingStatus.APPROVED);
        clock.advance(Duration.ofMinutes(4));
        // the candidate presses ✅ in Telegram: the bot's path, on the other console's use cases
        otherConsole.confirm(b.getId());
        clock.advance(Duration.ofMinutes(2));

        vm.cancel();

        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("Not done: the candidate changed this 2 min ago. It is shown as it is now.");
        assertThat(services.bookings().find(b.getId()).getStatus()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(vm.items().get(0).row().status()).as("the row is refreshed").isEqualTo(BookingStatus.CONFIRMED);
    }
}
