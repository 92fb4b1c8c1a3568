package dev.recruitdesk.ui.schedule;

import dev.recruitdesk.booking.RuleViolation;
import dev.recruitdesk.booking.SlotBatch;
import dev.recruitdesk.booking.SlotDraft;
import dev.recruitdesk.booking.SlotGenerator;
import dev.recruitdesk.domain.SlotStatus;
import dev.recruitdesk.ui.I18n;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bulk generator dialog: dates, weekdays, hours, break, length and step; a live preview of what will be created
 * and what is skipped (past, overlapping); then one all-or-nothing transaction with progress. Generation is
 * {@link SlotGenerator}'s; the recruiter's existing slots are loaded off the UI thread once per date range.
 */
public class BulkGeneratorViewModel {

    /** One line of the preview: a slot to create, or a skipped time and why. */
    public record PreviewLine(String text, boolean created) {
    }

    static final int PREVIEW_LINES = 400;
    private static final Logger log = LoggerFactory.getLogger(BulkGeneratorViewModel.class);

    private final ScheduleViewModel schedule;
    private final I18n i18n;

    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final List<BooleanProperty> weekdays = new ArrayList<>();
    private final StringProperty dayStart = new SimpleStringProperty("09:00");
    private final StringProperty dayEnd = new SimpleStringProperty("18:00");
    private final StringProperty breakStart = new SimpleStringProperty("13:00");
    private final StringProperty breakEnd = new SimpleStringProperty("14:00");
    private final StringProperty length = new SimpleStringProperty(String.valueOf(ScheduleViewModel.DEFAULT_MINUTES));
    private final StringProperty step = new SimpleStringProperty(String.valueOf(ScheduleViewModel.DEFAULT_MINUTES));
    private final StringProperty place = new SimpleStringProperty("");

    private final ReadOnlyStringWrapper rangeError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper weekdaysError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hoursError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper breakError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lengthError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper("");
    private final ObservableList<PreviewLine> preview = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper toCreate = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper creating = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper();

    private List<SlotDraft> creatable = List.of();
    private List<SlotBatch.Busy> busy;
    private LocalDate busyFrom;
    private LocalDate busyTo;
    private int loadGeneration;

    public BulkGeneratorViewModel(ScheduleViewModel schedule) {
        this.schedule = schedule;
        this.i18n = schedule.i18n();
        LocalDate monday = schedule.weekStartProperty().get();
        LocalDate today = LocalDate.ofInstant(schedule.services().clock().instant(), schedule.zone());
        from.set(monday.isBefore(today) ? today : monday);
        to.set(monday.plusDays(4).isBefore(from.get()) ? from.get() : monday.plusDays(4));
        for (DayOfWeek d : DayOfWeek.values()) {
            weekdays.add(new SimpleBooleanProperty(d.getValue() <= 5));
        }
        String link = schedule.services().meetingLink();
        place.set(link == null ? "" : link);
        List<Observable> inputs = new ArrayList<>(List.of(dayStart, dayEnd, breakStart, breakEnd, length, step, place));
        inputs.addAll(weekdays);
        inputs.forEach(o -> o.addListener(x -> recompute()));
        from.addListener(x -> loadBusy());
        to.addListener(x -> loadBusy());
        loadBusy();
    }

    /** Loads the open slots of the date range (once per range), then recomputes the preview. */
    private void loadBusy() {
        LocalDate a = from.get();
        LocalDate b = to.get();
        if (a == null || b == null || b.isBefore(a) || b.isAfter(a.plusDays(SlotGenerator.MAX_DAYS))) {
            recompute();
            return;
        }
        if (busy != null && !a.isBefore(busyFrom) && !b.isAfter(busyTo)) {
            recompute();
            return;
        }
        int generation = ++loadGeneration;
        checking.set(true);
        // a day either side: slots crossing midnight and zone offsets
        Instant start = a.minusDays(1).atStartOfDay(schedule.zone()).toInstant();
        Instant end = b.plusDays(2).atStartOfDay(schedule.zone()).toInstant();
        schedule.tasks().run(() -> schedule.services().slots().list(schedule.services().caller(), schedule.services().recruiterId(), start, end), rows -> {
            if (generation != loadGeneration) {
                return;
            }
            busy = rows.stream().filter(r -> r.status() == SlotStatus.OPEN).map(r -> new SlotBatch.Busy(r.start(), r.end())).toList();
            busyFrom = a;
            busyTo = b;
            checking.set(false);
            recompute();
        }, failure -> {
            if (generation == loadGeneration) {
                checking.set(false);
                formError.set(i18n.tr("schedule.loadFailed", String.valueOf(failure.getMessage())));
            }
        });
    }

    /** Regenerates and checks the preview; cheap (pure, in memory), so it runs on every edit. */
    void recompute() {
        rangeError.set("");
        weekdaysError.set("");
        hoursError.set("");
        breakError.set("");
        lengthError.set("");
        creatable = List.of();
        toCreate.set(0);
        LocalTime ds = ScheduleViewModel.parseTime(dayStart.get());
        LocalTime de = ScheduleViewModel.parseTime(dayEnd.get());
        boolean noBreak = blank(breakStart.get()) && blank(breakEnd.get());
        LocalTime bs = noBreak ? null : ScheduleViewModel.parseTime(breakStart.get());
        LocalTime be = noBreak ? null : ScheduleViewModel.parseTime(breakEnd.get());
        Integer len = number(length.get());
        Integer stp = number(step.get());
        boolean bad = false;
        if (ds == null || de == null) {
            hoursError.set(i18n.tr("bulk.error.time"));
            bad = true;
        }
        if (!noBreak && (bs == null || be == null)) {
            breakError.set(i18n.tr("bulk.error.break"));
            bad = true;
        }
        if (len == null || stp == null) {
            lengthError.set(i18n.tr("slot.error.duration", dev.recruitdesk.domain.Slot.MIN_MINUTES, dev.recruitdesk.domain.Slot.MAX_MINUTES));
            bad = true;
        }
        if (bad) {
            showPreview(List.of(), 0);
            return;
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (int i = 0; i < 7; i++) {
            if (weekdays.get(i).get()) {
                days.add(DayOfWeek.of(i + 1));
            }
        }
        SlotGenerator.Generated generated;
        try {
            generated = SlotGenerator.generate(new SlotGenerator.Spec(from.get(), to.get(), days, ds, de, bs, be, len, stp,
                    place.get(), schedule.zone()));
        } catch (RuleViolation v) {
            String text = schedule.message(v);
            switch (v.field()) {
                case "from", "to" -> rangeError.set(text);
                case "weekdays" -> weekdaysError.set(text);
                case "hours" -> hoursError.set(text);
                case "break" -> breakError.set(text);
                default -> lengthError.set(text);
            }
            showPreview(List.of(), 0);
            return;
        }
        if (busy == null) {
            counts.set(i18n.tr("bulk.preview.loading"));
            preview.clear();
            return;
        }
        List<SlotBatch.Verdict> verdicts = SlotBatch.check(generated.drafts(), busy, schedule.services().clock().instant());
        creatable = verdicts.stream().filter(SlotBatch.Verdict::ok).map(SlotBatch.Verdict::draft).toList();
        showPreview(verdicts, generated.skippedClockChange());
    }

    private void showPreview(List<SlotBatch.Verdict> verdicts, int clockSkips) {
        ScheduleFormat f = schedule.format();
        List<PreviewLine> lines = new ArrayList<>(Math.min(verdicts.size(), PREVIEW_LINES) + 2);
        int skipped = clockSkips;
        for (SlotBatch.Verdict v : verdicts) {
            if (!v.ok()) {
                skipped++;
            }
            if (lines.size() >= PREVIEW_LINES) {
                continue;
            }
            String when = f.dayAndTime(v.draft().start()) + " – " + f.time(v.draft().end());
            if (v.ok()) {
                lines.add(new PreviewLine(when, true));
            } else {
                String why = switch (v.problem()) {
                    case PAST -> i18n.tr("bulk.skip.past");
                    case OVERLAPS_EXISTING -> schedule.text("bulk.skip.overlap", new Object[] {v.clash().start(), v.clash().end()});
                    case OVERLAPS_BATCH -> i18n.tr("bulk.skip.batch");
                };
                lines.add(new PreviewLine(when + "  —  " + why, false));
            }
        }
        if (verdicts.size() > PREVIEW_LINES) {
            lines.add(new PreviewLine(i18n.tr("bulk.preview.more", verdicts.size() - PREVIEW_LINES), true));
        }
        if (clockSkips > 0) {
            lines.add(new PreviewLine(i18n.tr("bulk.skip.clock", clockSkips), false));
        }
        preview.setAll(lines);
        toCreate.set(creatable.size());
        counts.set(i18n.tr("bulk.preview.counts", creatable.size(), skipped));
    }

    /** Creates the previewed slots in one transaction; the schedule shows them and says how many. */
    public void create() {
        if (creating.get() || creatable.isEmpty() || done.get()) {
            return;
        }
        List<SlotDraft> drafts = creatable;
        int total = drafts.size();
        creating.set(true);
        formError.set("");
        progress.set(0);
        progressText.set(i18n.tr("bulk.creating", 0, total));
        schedule.tasks().run(() -> schedule.services().slots().createMany(schedule.services().caller(), schedule.services().recruiterId(), drafts,
                n -> schedule.tasks().post(() -> {
                    progress.set(n / (double) total);
                    progressText.set(i18n.tr("bulk.creating", n, total));
                })), created -> {
                    creating.set(false);
                    progress.set(1);
                    done.set(true);
                    schedule.batchCreated(created, i18n.tr("bulk.created", created.size()));
                }, failure -> {
                    creating.set(false);
                    progress.set(-1);
                    progressText.set("");
                    if (!(failure instanceof RuleViolation)) {
                        log.warn("bulk.create.failed", failure);
                    }
                    formError.set(failure instanceof RuleViolation v ? schedule.message(v)
                            : i18n.tr("slot.error.unexpected", String.valueOf(failure.getMessage())));
                    // someone else may have published meanwhile: check again
                    busy = null;
                    loadBusy();
                });
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Integer number(String text) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }


    /** The zone every time in the dialog is in. */
    public String zoneName() {
        return schedule.zoneName();
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** Monday (0) to Sunday (6). */
    public BooleanProperty weekdayProperty(int index) {
        return weekdays.get(index);
    }

    public StringProperty dayStartProperty() {
        return dayStart;
    }

    public StringProperty dayEndProperty() {
        return dayEnd;
    }

    public StringProperty breakStartProperty() {
        return breakStart;
    }

    public StringProperty breakEndProperty() {
        return breakEnd;
    }

    public StringProperty lengthProperty() {
        return length;
    }

    public StringProperty stepProperty() {
        return step;
    }

    public StringProperty placeProperty() {
        return place;
    }

    public ReadOnlyStringProperty rangeErrorProperty() {
        return rangeError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty weekdaysErrorProperty() {
        return weekdaysError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hoursErrorProperty() {
        return hoursError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty breakErrorProperty() {
        return breakError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lengthErrorProperty() {
        return lengthError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    public ObservableList<PreviewLine> preview() {
        return FXCollections.unmodifiableObservableList(preview);
    }

    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty toCreateProperty() {
        return toCreate.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty creatingProperty() {
        return creating.getReadOnlyProperty();
    }

    /** 0–1 while creating, −1 otherwise. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** True once the slots were created: the dialog closes. */
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }
}
