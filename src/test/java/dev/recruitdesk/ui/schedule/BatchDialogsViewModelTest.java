package dev.recruitdesk.ui.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.accounts.TestCallers;
import dev.recruitdesk.app.AppContext;
import dev.recruitdesk.app.Backend;
import dev.recruitdesk.app.ConsoleApp;
import dev.recruitdesk.booking.SlotRow;
import dev.recruitdesk.ui.ConsoleServices;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.TaskRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bulk generator and CSV import view models on a real H2 file, without a toolkit (Moscow time). */
class BatchDialogsViewModelTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    /** Wednesday 2 December 2026, 12:00 Moscow. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path home;
    private Backend backend;
    private ConsoleServices services;
    private ScheduleViewModel schedule;

    @BeforeEach
    void open() {
        backend = AppContext.forHome(home, CLOCK).openBackend();
        ConsoleServices real = ConsoleApp.servicesOf(backend, TestCallers.soleUser(backend.currentRecruiterId()));
        services = new ConsoleServices(real.slots(), real.bookings(), real.caller(), MOSCOW, "https://meet.example/rd", CLOCK,
                real.dbLocation(), real.teamMode());
        schedule = new ScheduleViewModel(services, TaskRunner.direct(), new I18n(Locale.ENGLISH));
        schedule.refresh();
    }

    @AfterEach
    void close() {
        backend.close();
    }

    private List<SlotRow> all() {
        return services.slots().list(TestCallers.ADMIN, services.recruiterId(), Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2027-02-01T00:00:00Z"));
    }

    @Test
    void csvWithABadLineImportsNothingAndNamesTheLine() throws Exception {
        Path file = home.resolve("slots.csv");
        Files.writeString(file, "\uFEFFdate;time;duration;place_or_link\n2026-12-07;10:00;30;Office, room 3\n2026-12-07;25:00;30;\n"
                + "2026-12-08;10:00;45;\n", StandardCharsets.UTF_8);
        CsvImportViewModel vm = new CsvImportViewModel(schedule);
        vm.load(file);

        assertThat(vm.errorCountProperty().get()).isEqualTo(1);
        assertThat(vm.lines()).first().satisfies(l -> {
            assertThat(l.error()).isTrue();
            assertThat(l.text()).isEqualTo("Line 3: bad time \"25:00\" (use HH:mm)");
        });
        assertThat(vm.toImportProperty().get()).isZero();
        vm.importAll();
        assertThat(all()).isEmpty();

        Files.writeString(file, "2026-12-07,10:00,30,\"Office, room 3\"\n2026-12-08,10:00,45,\n", StandardCharsets.UTF_8);
        vm.load(file);
        assertThat(vm.errorCountProperty().get()).isZero();
        vm.importAll();
        assertThat(all()).extracting(SlotRow::place).containsExactly("Office, room 3", "https://meet.example/rd");
        assertThat(schedule.bannerProperty().get().text()).isEqualTo("Imported 2 slots.");
        assertThat(schedule.weekStartProperty().get()).isEqualTo(LocalDate.of(2026, 12, 7));
    }

    @Test
    void bulkGeneratorPreviewSkipsPastAndTakenTimesAndCreatesWithProgress() {
        services.slots().create(TestCallers.ADMIN, services.recruiterId(), Instant.parse("2026-12-03T07:00:00Z"), Duration.ofMinutes(30), null);
        List<Runnable> posted = new ArrayList<>();
        TaskRunner recording = new TaskRunner() {
            @Override
            public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                TaskRunner.direct().run(work, onSuccess, onFailure);
            }

            @Override
            public void post(Runnable update) {
                posted.add(update);
                update.run();
            }
        };
        ScheduleViewModel vm0 = new ScheduleViewModel(services, recording, new I18n(Locale.ENGLISH));
        BulkGeneratorViewModel vm = new BulkGeneratorViewModel(vm0);
        // this week: today (Wed) to Fri; 09:00–12:00, no break, 30 minutes
        assertThat(vm.fromProperty().get()).isEqualTo(LocalDate.of(2026, 12, 2));
        vm.breakStartProperty().set("");
        vm.breakEndProperty().set("");
        vm.dayEndProperty().set("12:00");

        // Wed: 09:00–11:30 have passed (it is 12:00); Thu 10:00 is taken
        assertThat(vm.countsProperty().get()).isEqualTo("11 slots to create · 7 skipped");
        assertThat(vm.preview()).filteredOn(l -> !l.created()).extracting(BulkGeneratorViewModel.PreviewLine::text)
                .contains("Thu 3 Dec, 10:00 AM – 10:30 AM  —  skipped: overlaps Thu 3 Dec, 10:00 AM – 10:30 AM");

        vm.breakStartProperty().set("10:00");
        assertThat(vm.breakErrorProperty().get()).isEqualTo("The break needs a start and a later end (or leave both empty)");
        assertThat(vm.toCreateProperty().get()).isZero();
        vm.breakStartProperty().set("");

        vm.create();
        assertThat(vm.doneProperty().get()).isTrue();
        assertThat(posted).isNotEmpty();
        assertThat(all()).hasSize(12);
        assertThat(vm0.bannerProperty().get().text()).isEqualTo("Created 11 slots.");
    }
}
