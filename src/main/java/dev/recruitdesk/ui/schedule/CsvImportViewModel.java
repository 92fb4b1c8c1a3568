package dev.recruitdesk.ui.schedule;

import dev.recruitdesk.booking.RuleViolation;
import dev.recruitdesk.booking.SlotBatch;
import dev.recruitdesk.booking.SlotCsv;
import dev.recruitdesk.booking.SlotDraft;
import dev.recruitdesk.domain.SlotStatus;
import dev.recruitdesk.ui.I18n;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CSV import dialog: reads and checks a file off the UI thread ({@link SlotCsv}), lists every bad line by its
 * number, and imports all lines in one transaction only when none is bad.
 */
public class CsvImportViewModel {

    /** One line of the preview: an error with its line number, or a slot to import. */
    public record PreviewLine(String text, boolean error) {
    }

    private static final Logger log = LoggerFactory.getLogger(CsvImportViewModel.class);

    private final ScheduleViewModel schedule;
    private final I18n i18n;
    private final ReadOnlyStringWrapper fileName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ObservableList<PreviewLine> lines = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper errorCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper toImport = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper importing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper();
    private List<SlotDraft> drafts = List.of();

    public CsvImportViewModel(ScheduleViewModel schedule) {
        this.schedule = schedule;
        this.i18n = schedule.i18n();
    }

    /** Reads and checks the file against the recruiter's open slots and the clock. */
    public void load(Path file) {
        fileName.set(i18n.tr("import.file", file.getFileName()));
        loading.set(true);
        formError.set("");
        lines.clear();
        drafts = List.of();
        toImport.set(0);
        var services = schedule.services();
        schedule.tasks().run(() -> {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            SlotCsv.Result parsed = SlotCsv.parse(text, schedule.zone(), services.meetingLink());
            List<SlotBatch.Busy> busy = List.of();
            if (!parsed.slots().isEmpty()) {
                Instant min = parsed.drafts().stream().map(SlotDraft::start).min(Comparator.naturalOrder()).orElseThrow();
                Instant max = parsed.drafts().stream().map(SlotDraft::end).max(Comparator.naturalOrder()).orElseThrow();
                busy = services.slots().list(services.caller(), services.recruiterId(), min.minus(java.time.Duration.ofDays(1)), max).stream()
                        .filter(r -> r.status() == SlotStatus.OPEN).map(r -> new SlotBatch.Busy(r.start(), r.end())).toList();
            }
            return SlotCsv.check(parsed, busy, services.clock().instant());
        }, this::show, failure -> {
            loading.set(false);
            formError.set(i18n.tr("import.readFailed", file.getFileName(), String.valueOf(failure.getMessage())));
        });
    }

    private void show(SlotCsv.Result result) {
        loading.set(false);
        ScheduleFormat f = schedule.format();
        List<PreviewLine> out = new ArrayList<>();
        for (SlotCsv.LineError e : result.errors()) {
            out.add(new PreviewLine(i18n.tr("import.line", e.line(), schedule.text(e.messageKey(), e.args().toArray())), true));
        }
        for (SlotCsv.Line l : result.slots()) {
            out.add(new PreviewLine(i18n.tr("import.line", l.number(), f.dayAndTime(l.draft().start()) + " – " + f.time(l.draft().end())
                    + (l.draft().place() == null ? "" : " · " + l.draft().place())), false));
        }
        lines.setAll(out);
        errorCount.set(result.errors().size());
        drafts = result.ok() ? result.drafts() : List.of();
        toImport.set(drafts.size());
        summary.set(i18n.tr("import.summary", result.slots().size(), result.errors().size()));
    }

    /** Imports every line in one transaction; nothing when any line is bad. */
    public void importAll() {
        if (importing.get() || drafts.isEmpty() || done.get()) {
            return;
        }
        List<SlotDraft> batch = drafts;
        int total = batch.size();
        importing.set(true);
        progress.set(0);
        progressText.set(i18n.tr("import.creating", 0, total));
        schedule.tasks().run(() -> schedule.services().slots().createMany(schedule.services().caller(), schedule.services().recruiterId(), batch,
                n -> schedule.tasks().post(() -> {
                    progress.set(n / (double) total);
                    progressText.set(i18n.tr("import.creating", n, total));
                })), created -> {
                    importing.set(false);
                    done.set(true);
                    schedule.batchCreated(created, i18n.tr("import.done", created.size()));
                }, failure -> {
                    importing.set(false);
                    progress.set(-1);
                    progressText.set("");
                    if (!(failure instanceof RuleViolation)) {
                        log.warn("import.failed", failure);
                    }
                    formError.set(failure instanceof RuleViolation v ? schedule.message(v)
                            : i18n.tr("slot.error.unexpected", String.valueOf(failure.getMessage())));
                });
    }

    public ReadOnlyStringProperty fileNameProperty() {
        return fileName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObservableList<PreviewLine> lines() {
        return FXCollections.unmodifiableObservableList(lines);
    }

    public ReadOnlyIntegerProperty errorCountProperty() {
        return errorCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty toImportProperty() {
        return toImport.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty importingProperty() {
        return importing.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }
}
