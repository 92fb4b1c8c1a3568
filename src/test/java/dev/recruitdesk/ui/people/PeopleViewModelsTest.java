package dev.recruitdesk.ui.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.accounts.TestCallers;
import dev.recruitdesk.app.AppContext;
import dev.recruitdesk.app.Backend;
import dev.recruitdesk.app.ConsoleApp;
import dev.recruitdesk.booking.TestBookings;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.Booking;
import dev.recruitdesk.domain.BookingStatus;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.MutableClock;
import dev.recruitdesk.ui.ConsoleServices;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.ManualTaskRunner;
import dev.recruitdesk.ui.TaskRunner;
import dev.recruitdesk.ui.bookings.BookingItem;
import dev.recruitdesk.ui.bookings.BookingsViewModel;
import dev.recruitdesk.ui.candidates.CandidatesViewModel;
import dev.recruitdesk.ui.requests.RequestsViewModel;
import dev.recruitdesk.ui.shell.AttentionModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Requests, Bookings, Candidates and attention view models on a real H2 file, without a toolkit: work runs on
 * the test thread ({@link TaskRunner#direct()}) or when the test says so ({@link ManualTaskRunner}).
 */
class PeopleViewModelsTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    /** Wednesday 2 December 2026, 12:00 Moscow. */
    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    @TempDir
    Path home;
    private final MutableClock clock = new MutableClock(NOW);
    private Backend backend;
    private ConsoleServices services;
    private final I18n en = new I18n(Locale.ENGLISH);
    private final List<String> links = new ArrayList<>();

    @BeforeEach
    void open() {
        backend = AppContext.forHome(home, clock).openBackend();
        services = ConsoleApp.servicesOf(backend, TestCallers.soleUser(backend.currentRecruiterId())).withZoneAndClock(MOSCOW, clock);
    }

    @AfterEach
    void close() {
        backend.close();
    }

    private long candidate(String name, String username) {
        long id = services.candidates().create(TestCallers.ADMIN, name, "Asia/Novosibirsk", username, null).getId();
        backend.database().run(s -> s.find(Candidate.class, id).bindTelegram(id + 900, id + 900, username));
        return id;
    }

    private long slot(Duration fromNow) {
        return services.slots().create(TestCallers.ADMIN, services.recruiterId(), NOW.plus(fromNow), Duration.ofMinutes(30), null).id();
    }

    private Booking request(Duration fromNow, String name) {
        return services.bookings().request(slot(fromNow), candidate(name, null), Actor.CANDIDATE);
    }

    @Test
    void requestsAreOldestFirstWithBothZonesAndALiveWaitingTime() {
        request(Duration.ofDays(2), "Second");
        clock.advance(Duration.ofMinutes(5));
        request(Duration.ofDays(1), "Third");
        RequestsViewModel vm = new RequestsViewModel(services, TaskRunner.direct(), en, Runnable::run);
        vm.refresh();

        assertThat(vm.requests()).extracting(i -> i.candidateName()).containsExactly("Second", "Third");
        assertThat(vm.requests().get(0).recruiterTime()).isEqualTo("Fri 4 Dec, 12:00 PM – 12:30 PM");
        assertThat(vm.requests().get(0).candidateTime()).isEqualTo("Candidate's time: 4 Dec, 16:00 (Novosibirsk, UTC+7)");
        assertThat(vm.requests().get(0).waitingProperty().get()).isEqualTo("5 min ago");

        clock.advance(Duration.ofMinutes(7));
        vm.tick();
        assertThat(vm.requests().get(0).waitingProperty().get()).isEqualTo("12 min ago");
        assertThat(vm.summaryProperty().get()).isEqualTo("2 requests waiting · oldest 12 min ago");
    }

    @Test
    void approvingSeveralIsLockedWhileRunningAndEmptiesTheList() {
        request(Duration.ofDays(1), "A");
        request(Duration.ofDays(2), "B");
        ManualTaskRunner tasks = new ManualTaskRunner();
        RequestsViewModel vm = new RequestsViewModel(services, tasks, en, Runnable::run);
        vm.refresh();
        tasks.runAll();
        vm.select(List.copyOf(vm.requests()));

        vm.approveSelected();
        vm.approveSelected();

        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(tasks.pending()).isEqualTo(1);
        tasks.runAll();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.requests()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("Approved 2 requests; the candidates have been told.");
    }

    @Test
    void aTooLongRejectionMessageIsRefusedInlineAndNothingIsRejected() {
        Booking b = request(Duration.ofDays(1), "A");
        RequestsViewModel vm = new RequestsViewModel(services, TaskRunner.direct(), en, Runnable::run);
        vm.refresh();
        vm.select(List.copyOf(vm.requests()));

        vm.rejectNoteProperty().set("x".repeat(1001));
        vm.rejectSelected();

        assertThat(vm.noteErrorProperty().get()).isEqualTo("At most 1,000 characters");
        assertThat(services.bookings().find(b.getId()).getStatus()).isEqualTo(BookingStatus.REQUESTED);
        vm.rejectNoteProperty().set("Sorry, the position is filled");
        assertThat(vm.noteErrorProperty().get()).isEmpty();
        vm.rejectSelected();
        assertThat(services.bookings().find(b.getId()).getStatus()).isEqualTo(BookingStatus.REJECTED);
        assertThat(services.bookings().history(b.getId()).get(1).getNote()).isEqualTo("Sorry, the position is filled");
    }

    @Test
    void proposingAnotherTimeMovesTheRequestToTheChosenSlot() {
        Booking b = request(Duration.ofDays(1), "A");
        long other = slot(Duration.ofDays(3));
        RequestsViewModel vm = new RequestsViewModel(services, TaskRunner.direct(), en, Runnable::run);
        vm.refresh();
        assertThat(vm.canProposeProperty().get()).isFalse();
        vm.select(List.copyOf(vm.requests()));
        vm.proposedSlotProperty().set(vm.slotChoices().stream().filter(c -> c.slot().id() == other).findFirst().orElseThrow());

        assertThat(vm.canProposeProperty().get()).isTrue();
        vm.proposeOtherTime();

        Booking moved = services.bookings().find(b.getId());
        assertThat(moved.getSlotId()).isEqualTo(other);
        assertThat(moved.getRevision()).isEqualTo(2);
    }

    @Test
    void bookingsFlagUnconfirmedWithinTheHourAndAllowOutcomesOnlyAfterTheStart() {
        Booking soon = request(Duration.ofMinutes(40), "Soon");
        TestBookings.approve(services.bookings(), soon.getId());
        Booking later = request(Duration.ofHours(3), "Later");
        TestBookings.approve(services.bookings(), later.getId());
        services.bookings().confirm(later.getId());
        BookingsViewModel vm = new BookingsViewModel(services, TaskRunner.direct(), en, Runnable::run);
        vm.refresh();

        assertThat(vm.items()).extracting(BookingItem::soonUnconfirmed).containsExactly(true, false);
        assertThat(vm.summaryProperty().get()).isEqualTo("2 bookings · 1 unconfirmed within the hour");
        vm.select(vm.items().get(0));
        assertThat(vm.canMarkOutcomeProperty().get()).isFalse();

        clock.advance(Duration.ofMinutes(45));
        vm.tick();
        assertThat(vm.canMarkOutcomeProperty().get()).isTrue();
        vm.markNoShow();
        assertThat(services.bookings().find(soon.getId()).getStatus()).isEqualTo(BookingStatus.NO_SHOW);
    }

    @Test
    void bookingFiltersByConfirmationStateAndAValidDayRange() {
        Booking a = request(Duration.ofHours(3), "Approved");
        TestBookings.approve(services.bookings(), a.getId());
        Booking c = request(Duration.ofHours(4), "Confirmed");
        TestBookings.approve(services.bookings(), c.getId());
        services.bookings().confirm(c.getId());
        BookingsViewModel vm = new BookingsViewModel(services, TaskRunner.direct(), en, Runnable::run);
        vm.refresh();

        vm.confirmationProperty().set(BookingsViewModel.Confirmation.UNCONFIRMED);
        assertThat(vm.items()).extracting(i -> i.row().candidateName()).containsExactly("Approved");
        vm.confirmationProperty().set(BookingsViewModel.Confirmation.ANY);
        vm.stateProperty().set(BookingsViewModel.StateFilter.CONFIRMED);
        assertThat(vm.items()).extracting(i -> i.row().candidateName()).containsExactly("Confirmed");

        vm.periodProperty().set(BookingsViewModel.Period.RANGE);
        vm.fromDateProperty().set(LocalDate.of(2026, 12, 5));
        vm.toDateProperty().set(LocalDate.of(2026, 12, 4));
        assertThat(vm.rangeErrorProperty().get()).isEqualTo("The last day is before the first");
        vm.toDateProperty().set(LocalDate.of(2026, 12, 6));
        assertThat(vm.rangeErrorProperty().get()).isEmpty();
        assertThat(vm.items()).isEmpty();
    }

    @Test
    void cancellingABookingSendsTheMessageAndRefusesTheSecondTime() {
        Booking b = request(Duration.ofDays(1), "A");
        TestBookings.approve(services.bookings(), b.getId());
        BookingsViewModel vm = new BookingsViewModel(services, TaskRunner.direct(), en, Runnable::run);
        vm.refresh();
        vm.select(vm.items().get(0));

        vm.cancelNoteProperty().set("The position was filled");
        vm.cancel();

        assertThat(services.bookings().find(b.getId()).getStatus()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(vm.messageProperty().get()).isEqualTo("Cancelled the booking of A.");
        assertThat(vm.canChangeProperty().get()).isFalse();
    }

    @Test
    void candidateSearchMatchesNameUsernameAndPhoneWordByWord() {
        services.candidates().create(TestCallers.ADMIN, "Ivan Petrov", "Europe/Moscow", "ivan_p", "+7 913 555-12-34");
        services.candidates().create(TestCallers.ADMIN, "Maria Ivanova", "Europe/Moscow", null, null);
        services.candidates().create(TestCallers.ADMIN, "Oleg Smirnov", "Europe/Moscow", "olegs", null);
        CandidatesViewModel vm = new CandidatesViewModel(services, TaskRunner.direct(), en, Runnable::run, links::add);
        vm.refresh();

        vm.searchProperty().set("ivan");
        assertThat(vm.shown()).extracting(i -> i.row().name()).containsExactly("Ivan Petrov", "Maria Ivanova");
        vm.searchProperty().set("ivan petr");
        assertThat(vm.shown()).extracting(i -> i.row().name()).containsExactly("Ivan Petrov");
        vm.searchProperty().set("@olegs");
        assertThat(vm.shown()).extracting(i -> i.row().name()).containsExactly("Oleg Smirnov");
        vm.searchProperty().set("79135551234");
        assertThat(vm.shown()).extracting(i -> i.row().name()).containsExactly("Ivan Petrov");
        assertThat(vm.countTextProperty().get()).isEqualTo("1 of 3");
        vm.searchProperty().set("nobody");
        assertThat(vm.emptyProperty().get()).isTrue();
    }

    @Test
    void creatingACandidateValidatesFieldsInlineAndSelectsTheNewOne() {
        CandidatesViewModel vm = new CandidatesViewModel(services, TaskRunner.direct(), en, Runnable::run, links::add);
        vm.refresh();
        vm.showForm();

        vm.create();
        assertThat(vm.nameErrorProperty().get()).isEqualTo("Enter a name for the candidate");
        vm.newNameProperty().set("Anna Orlova");
        vm.newZoneProperty().set("Mars/Olympus");
        vm.create();
        assertThat(vm.zoneErrorProperty().get()).isEqualTo("Unknown time zone: Mars/Olympus");
        vm.newZoneProperty().set("Asia/Omsk");
        vm.newUsernameProperty().set("@a!");
        vm.create();
        assertThat(vm.usernameErrorProperty().get()).isEqualTo("A username is 5–32 letters, digits or _");
        vm.newUsernameProperty().set("@anna_orlova");
        vm.create();

        assertThat(vm.formShownProperty().get()).isFalse();
        assertThat(vm.selectedProperty().get().row().name()).isEqualTo("Anna Orlova");
        assertThat(vm.selectedProperty().get().row().username()).isEqualTo("anna_orlova");
        assertThat(vm.all()).hasSize(1);
    }

    @Test
    void inviteMakesAOneTimeStartLinkAndOpeningAChatNeedsAUsername() {
        long withUser = candidate("Ivan", "ivan_p");
        services.candidates().create(TestCallers.ADMIN, "No Username", "Europe/Moscow", null, null);
        ConsoleServices sandbox = new ConsoleServices(services.slots(), services.bookings(), services.caller(), MOSCOW, null, clock,
                services.dbLocation(), false, services.candidates(), services.queries(), services.invites(), services.messaging(),
                () -> "recruitdesk_sandbox_bot");
        CandidatesViewModel vm = new CandidatesViewModel(sandbox, TaskRunner.direct(), en, Runnable::run, links::add);
        vm.refresh();

        vm.select(vm.all().stream().filter(i -> i.id() == withUser).findFirst().orElseThrow());
        vm.invite();
        assertThat(vm.inviteLinkProperty().get()).matches("https://t\\.me/recruitdesk_sandbox_bot\\?start=[A-Za-z0-9]{20}");
        vm.openChat();
        assertThat(links).containsExactly("https://t.me/ivan_p");

        vm.select(vm.all().stream().filter(i -> i.row().username() == null).findFirst().orElseThrow());
        vm.openChat();
        assertThat(links).hasSize(1);
        assertThat(vm.messageProperty().get()).startsWith("No Username has no Telegram username");
    }

    @Test
    void aMessageIsQueuedThroughTheOutboxAndAnEmptyOneIsRefusedInline() {
        long id = candidate("Ivan", "ivan_p");
        long never = services.candidates().create(TestCallers.ADMIN, "Never Started", "Europe/Moscow", null, null).getId();
        CandidatesViewModel vm = new CandidatesViewModel(services, TaskRunner.direct(), en, Runnable::run, links::add);
        vm.refresh();
        vm.select(vm.all().stream().filter(i -> i.id() == id).findFirst().orElseThrow());

        vm.sendMessage();
        assertThat(vm.messageTextErrorProperty().get()).isEqualTo("Write a message first");
        vm.messageTextProperty().set("Please bring your passport");
        vm.sendMessage();
        assertThat(vm.messageProperty().get()).isEqualTo("Message to Ivan queued.");
        assertThat(vm.timeline()).anyMatch(l -> l.title().equals("Queued: your message — now pending"));

        vm.select(vm.all().stream().filter(i -> i.id() == never).findFirst().orElseThrow());
        vm.messageTextProperty().set("Hello");
        vm.sendMessage();
        assertThat(vm.messageTextErrorProperty().get()).isEqualTo("This candidate has not started the bot yet: send an invite link first.");
    }

    @Test
    void attentionCountsRequestsAndUnconfirmedSoonAndToastsCandidateActions() {
        AttentionModel attention = new AttentionModel(services, TaskRunner.direct(), en, Runnable::run);
        attention.refresh();
        assertThat(attention.needingActionProperty().get()).isZero();

        Booking soon = request(Duration.ofMinutes(30), "Soon");
        assertThat(attention.toastProperty().get().title()).isEqualTo("Soon booked a time");
        TestBookings.approve(services.bookings(), soon.getId());
        request(Duration.ofDays(1), "Waiting");

        assertThat(attention.requestsProperty().get()).isEqualTo(1);
        assertThat(attention.needingActionProperty().get()).isEqualTo(2);
        services.bookings().confirm(soon.getId());
        assertThat(attention.toastProperty().get().title()).isEqualTo("Soon confirmed the interview");
        assertThat(attention.needingActionProperty().get()).isEqualTo(1);
    }
}
