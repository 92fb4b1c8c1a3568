package dev.recruitdesk.ui.dashboard;

import dev.recruitdesk.booking.BookingFact;
import dev.recruitdesk.booking.DashboardCalculator.Dashboard;
import dev.recruitdesk.ui.AdminServices;
import dev.recruitdesk.ui.ConsoleServices;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State and commands of the Dashboard: the figures ({@link Dashboard}, computed off the FX thread), the bookings
 * behind any figure for the drill-down, and the CSV export of a period.
 */
public class DashboardViewModel {

    private static final Logger log = LoggerFactory.getLogger(DashboardViewModel.class);

    private final ConsoleServices services;
    private final AdminServices admin;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final ZoneId zone;
    private final DateTimeFormatter when;

    private final ReadOnlyObjectWrapper<Dashboard> dashboard = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ObjectProperty<LocalDate> exportFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> exportTo = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper exportMessage = new ReadOnlyStringWrapper("");

    public DashboardViewModel(ConsoleServices services, AdminServices admin, TaskRunner tasks, I18n i18n) {
        this.services = services;
        this.admin = admin;
        this.tasks = tasks;
        this.i18n = i18n;
        this.zone = services.recruiterZone();
        this.when = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", i18n.locale());
        LocalDate today = LocalDate.ofInstant(services.clock().instant(), zone);
        exportFrom.set(today.withDayOfMonth(1));
        exportTo.set(today);
        services.bookings().changes().subscribeAcrossConsoles(Set.of("booking", "slot"), Platform::runLater, this::refresh);
    }

    public void refresh() {
        loading.set(true);
        tasks.run(() -> admin.dashboard().dashboard(services.recruiterId(), zone), d -> {
            dashboard.set(d);
            error.set("");
            loading.set(false);
        }, failure -> {
            log.warn("dashboard.load.failed", failure);
            error.set(i18n.tr("dashboard.loadFailed", String.valueOf(failure.getMessage())));
            loading.set(false);
        });
    }

    /** The bookings behind a figure, by slot time. */
    public List<BookingFact> bookings(Collection<Long> ids) {
        Dashboard d = dashboard.get();
        if (d == null) {
            return List.of();
        }
        Set<Long> wanted = new HashSet<>(ids);
        return d.facts().stream().filter(f -> wanted.contains(f.bookingId())).toList();
    }

    /** One line of a drill-down list: when, who, state. */
    public String describe(BookingFact f) {
        return i18n.tr("dashboard.booking.line", when.format(f.slotStart().atZone(zone)), f.candidateName(),
                i18n.tr("dashboard.status." + f.status().name().toLowerCase()));
    }

    /** "3 h 20 min" style text of a duration, or a dash. */
    public String duration(Duration d) {
        if (d == null) {
            return "—";
        }
        long minutes = d.toMinutes();
        return minutes >= 60 ? i18n.tr("dashboard.hoursMinutes", minutes / 60, minutes % 60) : i18n.tr("dashboard.minutes", minutes);
    }

    /** Writes the bookings of [from, to] (days in the recruiter's zone, by slot start) to {@code file}. */
    public void exportCsv(Path file) {
        LocalDate from = exportFrom.get();
        LocalDate to = exportTo.get();
        if (from == null || to == null || to.isBefore(from)) {
            exportMessage.set(i18n.tr("dashboard.export.badPeriod"));
            return;
        }
        if (exporting.get()) {
            return;
        }
        exporting.set(true);
        exportMessage.set("");
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        tasks.run(() -> {
            List<BookingFact> rows = admin.dashboard().bookingsBetween(services.recruiterId(), start, end).stream()
                    .filter(f -> !f.slotStart().isBefore(start) && f.slotStart().isBefore(end)).toList();
            Files.write(file, BookingsCsv.write(header(), rows, zone));
            return rows.size();
        }, n -> {
            exporting.set(false);
            exportMessage.set(i18n.tr("dashboard.export.done", n, file.getFileName().toString()));
        }, failure -> {
            exporting.set(false);
            exportMessage.set(i18n.tr("dashboard.export.failed", String.valueOf(failure.getMessage())));
        });
    }

    List<String> header() {
        return List.of(i18n.tr("dashboard.csv.id"), i18n.tr("dashboard.csv.candidate"), i18n.tr("dashboard.csv.start"),
                i18n.tr("dashboard.csv.status"), i18n.tr("dashboard.csv.requested"), i18n.tr("dashboard.csv.approved"),
                i18n.tr("dashboard.csv.confirmed"), i18n.tr("dashboard.csv.reminders"));
    }

    public ZoneId zone() {
        return zone;
    }

    public ReadOnlyObjectProperty<Dashboard> dashboardProperty() {
        return dashboard.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObjectProperty<LocalDate> exportFromProperty() {
        return exportFrom;
    }

    public ObjectProperty<LocalDate> exportToProperty() {
        return exportTo;
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty exportMessageProperty() {
        return exportMessage.getReadOnlyProperty();
    }
}
