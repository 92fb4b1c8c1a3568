package dev.recruitdesk.ui.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.accounts.Caller;
import dev.recruitdesk.accounts.TestCallers;
import dev.recruitdesk.app.AppContext;
import dev.recruitdesk.app.Backend;
import dev.recruitdesk.app.ConsoleApp;
import dev.recruitdesk.booking.SlotRow;
import dev.recruitdesk.booking.TestBookings;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.Role;
import dev.recruitdesk.ui.ConsoleServices;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.ManualTaskRunner;
import dev.recruitdesk.ui.TaskRunner;
import dev.recruitdesk.ui.schedule.ScheduleViewModel.Banner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Schedule view model on a real H2 file, without a toolkit. The clock is fixed at Wednesday 2 December 2026,
 * 18:00 in the recruiter's zone (Tokyo, so times on screen visibly differ from UTC). Each test works in its own
 * week so the shared database needs no cleaning.
 */
class ScheduleViewModelTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T09:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final LocalDate THIS_MONDAY = LocalDate.of(2026, 11, 30);

    @TempDir
    static Path home;
    private static Backend backend;
    private static ConsoleServices services;

    @BeforeAll
    static void openBackend() {
        backend = AppContext.forHome(home, CLOCK).openBackend();
        ConsoleServices real = ConsoleApp.servicesOf(backend, TestCallers.soleUser(backend.currentRecruiterId()));
        services = new ConsoleServices(real.slots(), real.bookings(), real.caller(), TOKYO,
                "https://meet.example.com/rd", CLOCK, real.dbLocation(), real.teamMode());
    }

    @AfterAll
    static void closeBackend() {
        backend.close();
    }

    private static ScheduleViewModel model(TaskRunner tasks) {
        ScheduleViewModel vm = new ScheduleViewModel(services, tasks, new I18n(Locale.ENGLISH));
        vm.refresh();
        return vm;
    }

    /** A view model showing the week {@code weeks} after this one, with the form on that week's Monday. */
    private static ScheduleViewModel modelOnWeek(int weeks) {
        ScheduleViewModel vm = model(TaskRunner.direct());
        for (int i = 0; i < weeks; i++) {
            vm.nextWeek();
        }
        return vm;
    }

    @Test
    void opensOnThisWeekWithEmptyStateAndFormDefaults() {
        ScheduleViewModel vm = model(TaskRunner.direct());

        assertThat(vm.weekStartProperty().get()).isEqualTo(THIS_MONDAY);
        assertThat(vm.weekLabelProperty().get()).isEqualTo("30 Nov – 6 Dec 2026");
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.emptyProperty().get()).isTrue();
        assertThat(vm.dateProperty().get()).isEqualTo(TODAY);
        assertThat(vm.durationProperty().get()).isEqualTo("30");
        assertThat(vm.placeProperty().get()).isEqualTo("https://meet.example.com/rd");
    }

    @Test
    void weekNavigationMovesTheWeekAndTheFormDate() {
        ScheduleViewModel vm = model(TaskRunner.direct());

        vm.nextWeek();
        assertThat(vm.weekStartProperty().get()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(vm.weekLabelProperty().get()).isEqualTo("7–13 Dec 2026");
        assertThat(vm.dateProperty().get()).isEqualTo(LocalDate.of(2026, 12, 7));

        vm.nextWeek();
        vm.nextWeek();
        vm.nextWeek();
        assertThat(vm.weekLabelProperty().get()).isEqualTo("28 Dec 2026 – 3 Jan 2027");

        vm.thisWeek();
        assertThat(vm.weekStartProperty().get()).isEqualTo(THIS_MONDAY);
        assertThat(vm.dateProperty().get()).isEqualTo(TODAY);

        vm.previousWeek();
        assertThat(vm.weekLabelProperty().get()).isEqualTo("23–29 Nov 2026");
    }

    @Test
    void weekLabelFollowsTheLanguage() {
        ScheduleViewModel vm = new ScheduleViewModel(services, TaskRunner.direct(), new I18n(Locale.forLanguageTag("ru")));
        vm.nextWeek();
        assertThat(vm.weekLabelProperty().get()).isEqualTo("7–13 дек. 2026");
    }

    @Test
    void publishedSlotIsListedInTheRecruiterZoneAndTheFormKeepsDateAndDuration() {
        ScheduleViewModel vm = modelOnWeek(1);
        vm.timeProperty().set("10:00");
        vm.durationProperty().set("45");

        vm.createSlot();

        assertThat(vm.slots()).hasSize(1);
        ScheduleEntry.SlotItem item = vm.slots().get(0);
        assertThat(item.row().start()).isEqualTo(Instant.parse("2026-12-07T01:00:00Z"));
        assertThat(item.timeRange()).startsWith("10:00").contains("10:45");
        assertThat(item.duration()).isEqualTo("45 min");
        assertThat(item.state()).isEqualTo("Open");
        assertThat(item.stateStyle()).isEqualTo("state-open");
        assertThat(item.place()).isEqualTo("https://meet.example.com/rd");
        assertThat(vm.entries().get(0)).isInstanceOf(ScheduleEntry.Day.class);
        assertThat(((ScheduleEntry.Day) vm.entries().get(0)).title()).isEqualTo("Monday, 7 December");
        assertThat(vm.emptyProperty().get()).isFalse();
        assertThat(vm.weekSummaryProperty().get()).isEqualTo("1 slot");
        assertThat(vm.formMessageProperty().get()).startsWith("Published: Mon 7 Dec, 10:00");
        assertThat(vm.dateProperty().get()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(vm.durationProperty().get()).isEqualTo("45");
        assertThat(vm.timeProperty().get()).isEqualTo("10:45");
        assertThat(vm.lastCreatedIdProperty().get()).isEqualTo(item.id());
    }

    @Test
    void aSlotInAnotherWeekBringsThatWeekIntoView() {
        ScheduleViewModel vm = modelOnWeek(2);
        vm.dateProperty().set(LocalDate.of(2026, 12, 24));
        vm.timeProperty().set("12:00");

        vm.createSlot();

        assertThat(vm.weekStartProperty().get()).isEqualTo(LocalDate.of(2026, 12, 21));
        assertThat(vm.slots()).extracting(ScheduleEntry.SlotItem::timeRange).anySatisfy(t -> assertThat(t).startsWith("12:00"));
    }

    @Test
    void unparsableTimeAndBadDurationShowNextToTheirFieldsAndCreateNothing() {
        ScheduleViewModel vm = modelOnWeek(5);
        vm.timeProperty().set("25:00");
        vm.durationProperty().set("4");

        vm.createSlot();

        assertThat(vm.timeErrorProperty().get()).isEqualTo("Enter a time as HH:mm, for example 09:30");
        assertThat(vm.durationErrorProperty().get()).isEqualTo("Duration must be 5–480 minutes");
        assertThat(vm.dateErrorProperty().get()).isEmpty();
        assertThat(vm.slots()).isEmpty();

        vm.durationProperty().set("abc");
        vm.createSlot();
        assertThat(vm.durationErrorProperty().get()).isEqualTo("Duration must be 5–480 minutes");

        vm.timeProperty().set("9.30");
        assertThat(vm.timeErrorProperty().get()).as("editing a field clears its message").isEmpty();
        assertThat(vm.durationErrorProperty().get()).isNotEmpty();
        vm.durationProperty().set("481");
        vm.createSlot();
        assertThat(vm.timeErrorProperty().get()).isEmpty();
        assertThat(vm.durationErrorProperty().get()).isNotEmpty();
        assertThat(vm.slots()).isEmpty();
    }

    @Test
    void timesAcceptCommonSpellings() {
        assertThat(ScheduleViewModel.parseTime("9:30")).hasToString("09:30");
        assertThat(ScheduleViewModel.parseTime(" 09:30 ")).hasToString("09:30");
        assertThat(ScheduleViewModel.parseTime("9.30")).hasToString("09:30");
        assertThat(ScheduleViewModel.parseTime("0930")).hasToString("09:30");
        assertThat(ScheduleViewModel.parseTime("24:00")).isNull();
        assertThat(ScheduleViewModel.parseTime("9:60")).isNull();
        assertThat(ScheduleViewModel.parseTime("half past nine")).isNull();
    }

    @Test
    void aPastTimeIsRefusedBeforeAskingTheDatabase() {
        ScheduleViewModel vm = model(TaskRunner.direct());
        vm.dateProperty().set(TODAY);
        vm.timeProperty().set("17:30");

        vm.createSlot();

        assertThat(vm.timeErrorProperty().get()).isEqualTo("This time has already passed");
        assertThat(vm.slots()).isEmpty();
    }

    @Test
    void anOverlapFromTheUseCaseShowsNextToTheTimeInTheRecruiterZone() {
        ScheduleViewModel vm = modelOnWeek(3);
        vm.timeProperty().set("10:00");
        vm.createSlot();

        vm.timeProperty().set("10:15");
        vm.createSlot();

        assertThat(vm.timeErrorProperty().get()).startsWith("Overlaps your slot Mon 21 Dec, 10:00").contains("10:30");
        assertThat(vm.formErrorProperty().get()).isEmpty();
        assertThat(vm.slots()).hasSize(1);
    }

    @Test
    void theSubmitLockLetsOnlyOneCreationThrough() {
        ManualTaskRunner tasks = new ManualTaskRunner();
        ScheduleViewModel vm = model(tasks);
        tasks.runAll();
        for (int i = 0; i < 6; i++) {
            vm.nextWeek();
        }
        tasks.runAll();
        vm.timeProperty().set("11:00");

        vm.createSlot();
        vm.createSlot();

        assertThat(vm.creatingProperty().get()).isTrue();
        assertThat(tasks.pending()).isEqualTo(1);
        tasks.runAll();
        assertThat(vm.creatingProperty().get()).isFalse();
        assertThat(vm.slots()).hasSize(1);
        assertThat(vm.timeErrorProperty().get()).isEmpty();
    }

    @Test
    void loadingIsShownUntilTheWeekArrives() {
        ManualTaskRunner tasks = new ManualTaskRunner();
        ScheduleViewModel vm = model(tasks);

        assertThat(vm.loadingProperty().get()).isTrue();
        assertThat(vm.emptyProperty().get()).as("no empty state while loading").isFalse();
        tasks.runAll();
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.emptyProperty().get()).isTrue();
    }

    @Test
    void anUnbookedSlotIsDeletedAfterConfirmation() {
        ScheduleViewModel vm = modelOnWeek(4);
        vm.timeProperty().set("15:00");
        vm.createSlot();
        ScheduleEntry.SlotItem item = vm.slots().get(0);

        vm.requestDelete(item);
        assertThat(vm.bannerProperty().get().kind()).isEqualTo(Banner.Kind.CONFIRM);
        assertThat(vm.slots()).hasSize(1);

        vm.confirmDelete();
        assertThat(vm.slots()).isEmpty();
        assertThat(vm.bannerProperty().get().kind()).isEqualTo(Banner.Kind.INFO);
        assertThat(vm.emptyProperty().get()).isTrue();
    }

    @Test
    void aBookedSlotIsExplainedAndKept() {
        ScheduleViewModel vm = modelOnWeek(7);
        vm.timeProperty().set("16:00");
        vm.createSlot();
        vm.timeProperty().set("17:00");
        vm.createSlot();
        Candidate anna = backend.candidates().create(TestCallers.ADMIN, "Anna Petrova", "Europe/Berlin");
        long booked = vm.slots().get(0).id();
        long bookedLater = vm.slots().get(1).id();
        TestBookings.approve(backend.bookings(), backend.bookings().request(booked, anna.getId(), Actor.CANDIDATE).getId());
        ScheduleEntry.SlotItem staleItem = vm.slots().get(1);
        vm.refresh();

        ScheduleEntry.SlotItem item = vm.slots().get(0);
        assertThat(item.booked()).isTrue();
        assertThat(item.who()).isEqualTo("Anna Petrova");
        assertThat(item.state()).isEqualTo("Approved");
        assertThat(item.stateStyle()).isEqualTo("state-approved");
        assertThat(vm.weekSummaryProperty().get()).isEqualTo("2 slots · 1 booked");

        vm.requestDelete(item);
        assertThat(vm.bannerProperty().get().kind()).isEqualTo(Banner.Kind.ERROR);
        assertThat(vm.bannerProperty().get().text()).contains("Anna Petrova").endsWith("Cancel or move the booking first; nothing was deleted.");
        vm.confirmDelete();
        assertThat(vm.slots()).extracting(ScheduleEntry.SlotItem::id).containsExactly(booked, bookedLater);

        // booked by someone else between the question and the answer: the use case refuses, nothing is lost
        Candidate boris = backend.candidates().create(TestCallers.ADMIN, "Boris Ivanov", "Europe/Moscow");
        vm.requestDelete(staleItem);
        backend.bookings().request(bookedLater, boris.getId(), Actor.CANDIDATE);
        vm.confirmDelete();
        assertThat(vm.bannerProperty().get().text()).isEqualTo("Cancel or move the booking first; nothing was deleted.");
        assertThat(vm.slots()).extracting(ScheduleEntry.SlotItem::who).containsExactly("Anna Petrova", "Boris Ivanov");
    }

    @Test
    void movingASlotAnotherConsoleJustMovedSaysWhoAndShowsWhereItIsNow() {
        ScheduleViewModel vm = modelOnWeek(9);
        vm.timeProperty().set("10:00");
        vm.createSlot();
        CalendarBlock seen = vm.blocks().get(0);
        // another console (an admin named Maria) moves the slot an hour later
        SlotRow moved = backend.slots().move(new Caller(null, "Maria", Role.ADMIN, services.recruiterId()), seen.id(),
                seen.row().version(), seen.row().start().plus(Duration.ofHours(1)), Duration.ofMinutes(30));

        vm.dragBlock(seen, LocalDate.ofInstant(seen.row().start(), TOKYO), seen.startMinute() + 120, 30);

        assertThat(vm.bannerProperty().get().kind()).isEqualTo(Banner.Kind.ERROR);
        assertThat(vm.bannerProperty().get().text()).isEqualTo("Not done: Maria changed this a moment ago. It is shown as it is now.");
        assertThat(vm.blocks()).extracting(b -> b.row().start()).as("the week is refreshed").containsExactly(moved.start());
    }
}
