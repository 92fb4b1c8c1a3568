package dev.recruitdesk.ui.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.MutableClock;
import dev.recruitdesk.accounts.Caller;
import dev.recruitdesk.accounts.TestCallers;
import dev.recruitdesk.app.AppContext;
import dev.recruitdesk.app.Backend;
import dev.recruitdesk.app.ConsoleApp;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.Recruiter;
import dev.recruitdesk.domain.Role;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.TaskRunner;
import dev.recruitdesk.ui.bookings.BookingItem;
import dev.recruitdesk.ui.bookings.BookingsViewModel;
import dev.recruitdesk.ui.requests.RequestItem;
import dev.recruitdesk.ui.requests.RequestsViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Requests and Bookings lists in team mode: a recruiter's hold only their rows; an admin's say whose each row is. */
class ScopedListsViewModelTest {

    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    @TempDir
    Path home;
    private final MutableClock clock = new MutableClock(NOW);
    private final I18n en = new I18n(Locale.ENGLISH);
    private Backend backend;
    private long anna;
    private long boris;

    @BeforeEach
    void open() {
        backend = AppContext.forHome(home, clock).openBackend();
        anna = backend.currentRecruiterId();
        boris = backend.database().inTransaction(s -> {
            Recruiter r = new Recruiter("Boris Orlov", ZoneId.of("Europe/Moscow"));
            s.persist(r);
            return r.getId();
        });
        request(anna, "Ivan", 1);
        request(boris, "Olga", 2);
    }

    @AfterEach
    void close() {
        backend.close();
    }

    private void request(long recruiter, String candidate, int days) {
        long slot = backend.slots().create(TestCallers.ADMIN, recruiter, NOW.plus(Duration.ofDays(days)), Duration.ofMinutes(30), null).id();
        long who = backend.candidates().create(TestCallers.ADMIN, candidate, "Europe/Moscow").getId();
        backend.bookings().request(slot, who, Actor.CANDIDATE);
    }

    private RequestsViewModel requests(Caller caller) {
        RequestsViewModel vm = new RequestsViewModel(ConsoleApp.servicesOf(backend, caller), TaskRunner.direct(), en, Runnable::run);
        vm.refresh();
        return vm;
    }

    private BookingsViewModel bookings(Caller caller) {
        BookingsViewModel vm = new BookingsViewModel(ConsoleApp.servicesOf(backend, caller), TaskRunner.direct(), en, Runnable::run);
        vm.stateProperty().set(BookingsViewModel.StateFilter.ALL);
        vm.refresh();
        return vm;
    }

    @Test
    void aRecruiterSeesOnlyTheirOwnRequestsWithoutARecruiterBadge() {
        RequestsViewModel vm = requests(TestCallers.recruiter("Anna", anna));
        assertThat(vm.requests()).extracting(RequestItem::candidateName, RequestItem::recruiter).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Ivan", ""));
    }

    @Test
    void anAdminSeesEveryonesRequestsAndBookingsWithWhoseTheyAre() {
        Caller admin = new Caller(null, "Admin", Role.ADMIN, anna);
        assertThat(requests(admin).requests()).extracting(RequestItem::candidateName, RequestItem::recruiter).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Ivan", ""),
                org.assertj.core.groups.Tuple.tuple("Olga", "Recruiter: Boris Orlov"));
        assertThat(bookings(admin).items()).extracting(i -> i.row().candidateName(), BookingItem::recruiter)
                .contains(org.assertj.core.groups.Tuple.tuple("Olga", "Recruiter: Boris Orlov"));
        assertThat(bookings(TestCallers.recruiter("Boris", boris)).items()).extracting(i -> i.row().candidateName())
                .containsExactly("Olga");
    }
}
