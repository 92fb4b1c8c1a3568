package dev.recruitdesk.ui.schedule;

import dev.recruitdesk.booking.RuleViolation;
import dev.recruitdesk.booking.SlotRow;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.BookingStatus;
import dev.recruitdesk.domain.Slot;
import dev.recruitdesk.domain.SlotStatus;
import dev.recruitdesk.ui.ConsoleServices;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.TaskRunner;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
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
 * State and commands of the Schedule screen: the chosen week's slots as an agenda, the new-slot form with inline
 * validation and a submit lock, and deleting with a confirmation. Database work goes through the
 * {@link TaskRunner}; every property is changed on the thread that calls the commands and receives the results
 * (the FX thread in the app).
 */
public class ScheduleViewModel {

    static final int DEFAULT_MINUTES = 30;
    private static final int MAX_PLACE_LENGTH = 500;
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:.]?(\\d{2})");
    private static final DateTimeFormatter INPUT_TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final Logger log = LoggerFactory.getLogger(ScheduleViewModel.class);

    /** A message above the agenda: a question to confirm, or the outcome of an action. */
    public record Banner(Kind kind, String text, String confirmText, String keepText) {
        /** CONFIRM offers a confirm button (Delete unless {@code confirmText} says otherwise) and Keep; the others only a close button. */
        public enum Kind { CONFIRM, INFO, ERROR }

        public Banner(Kind kind, String text) {
            this(kind, text, null, null);
        }
    }

    /** A column head of the calendar. */
    public record DayHeader(LocalDate date, String title, boolean today) {
    }

    /** A slot drawn on the grid and waiting in the form to be published: day column, start minute, length. */
    public record DrawnSlot(LocalDate date, int startMinute, int minutes) {
    }

    /** A drag of a booked slot waiting for the recruiter's confirmation. */
    private record PendingMove(CalendarBlock block, Instant start, Duration duration) {
    }

    private final ConsoleServices services;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final ZoneId zone;
    private final ScheduleFormat format;

    private final ReadOnlyObjectWrapper<LocalDate> weekStart = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper weekLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper weekSummary = new ReadOnlyStringWrapper("");
    private final ObservableList<ScheduleEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<ScheduleEntry> shownEntries = FXCollections.unmodifiableObservableList(entries);
    private List<SlotRow> shownRows = List.of();
    private boolean entriesStale;
    private final javafx.beans.property.IntegerProperty rowCount = new javafx.beans.property.SimpleIntegerProperty();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Long> lastCreatedId = new ReadOnlyObjectWrapper<>();
    private int loadGeneration;

    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final StringProperty time = new SimpleStringProperty("");
    private final StringProperty duration = new SimpleStringProperty(String.valueOf(DEFAULT_MINUTES));
    private final StringProperty place = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper dateError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper timeError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper durationError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper placeError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper formMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper creating = new ReadOnlyBooleanWrapper();

    private final ReadOnlyObjectWrapper<Banner> banner = new ReadOnlyObjectWrapper<>();
    private ScheduleEntry.SlotItem pendingDelete;
    private PendingMove pendingMove;

    private final BooleanProperty calendarMode = new SimpleBooleanProperty(true);
    private final ObservableList<CalendarBlock> blocks = FXCollections.observableArrayList();
    private final ObservableList<CalendarBlock> shownBlocks = FXCollections.unmodifiableObservableList(blocks);
    private final ReadOnlyObjectWrapper<List<DayHeader>> days = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<CalendarBlock> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<DrawnSlot> drawn = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper moving = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Long> shownGeneration = new ReadOnlyObjectWrapper<>(0L);

    public ScheduleViewModel(ConsoleServices services, TaskRunner tasks, I18n i18n) {
        this.services = services;
        this.tasks = tasks;
        this.i18n = i18n;
        this.zone = services.recruiterZone();
        this.format = new ScheduleFormat(i18n, zone);
        LocalDate today = today();
        weekStart.set(mondayOf(today));
        weekLabel.set(format.week(weekStart.get()));
        days.set(dayHeaders(weekStart.get()));
        date.set(today);
        place.set(services.meetingLink() == null ? "" : services.meetingLink());
        empty.bind(Bindings.createBooleanBinding(() -> !loading.get() && loadError.get().isEmpty() && rowCount.get() == 0,
                loading, loadError, rowCount));
        // another recruiter's slot, or a booking made through the bot in another console, shows up here
        services.bookings().changes().subscribeAcrossConsoles(Set.of("slot", "booking"), Platform::runLater, this::refresh);
        calendarMode.addListener((obs, old, calendar) -> {
            if (!calendar && entriesStale) {
                buildEntries();
            }
        });
        // an edited field drops its own message; the rest stay until the next submit
        date.addListener((obs, old, now) -> {
            dateError.set("");
            timeError.set("");
        });
        time.addListener((obs, old, now) -> timeError.set(""));
        duration.addListener((obs, old, now) -> durationError.set(""));
        place.addListener((obs, old, now) -> placeError.set(""));
    }

    // ---- week ------------------------------------------------------------------------------------------------

    /** Loads the shown week again (first show, after changes, on demand). */
    public void refresh() {
        int generation = ++loadGeneration;
        LocalDate start = weekStart.get();
        Instant from = start.atStartOfDay(zone).toInstant();
        Instant to = start.plusWeeks(1).atStartOfDay(zone).toInstant();
        loading.set(true);
        loadError.set("");
        tasks.run(() -> services.slots().list(services.recruiterId(), from, to), rows -> {
            if (generation == loadGeneration) {
                showRows(rows);
                loading.set(false);
            }
        }, failure -> {
            if (generation == loadGeneration) {
                log.warn("schedule.load.failed week={}", start, failure);
                entries.clear();
                shownRows = List.of();
                entriesStale = false;
                rowCount.set(0);
                blocks.clear();
                weekSummary.set("");
                loadError.set(i18n.tr("schedule.loadFailed", String.valueOf(failure.getMessage())));
                loading.set(false);
            }
        });
    }

    public void previousWeek() {
        navigateTo(weekStart.get().minusWeeks(1));
    }

    public void nextWeek() {
        navigateTo(weekStart.get().plusWeeks(1));
    }

    public void thisWeek() {
        navigateTo(today());
    }

    /** Shows the week of {@code day}; the form's date moves into that week (today when it is this week). */
    private void navigateTo(LocalDate day) {
        LocalDate start = mondayOf(day);
        LocalDate today = today();
        LocalDate formDate = date.get();
        if (formDate == null || mondayOf(formDate).compareTo(start) != 0) {
            date.set(mondayOf(today).equals(start) ? today : start);
        }
        showWeek(start);
    }

    private void showWeek(LocalDate start) {
        weekStart.set(start);
        weekLabel.set(format.week(start));
        days.set(dayHeaders(start));
        selected.set(null);
        drawn.set(null);
        refresh();
    }

    private List<DayHeader> dayHeaders(LocalDate monday) {
        LocalDate today = today();
        List<DayHeader> out = new ArrayList<>(7);
        for (int i = 0; i < 7; i++) {
            LocalDate d = monday.plusDays(i);
            out.add(new DayHeader(d, format.columnDay(d), d.equals(today)));
        }
        return List.copyOf(out);
    }

    private void showRows(List<SlotRow> rows) {
        Instant now = services.clock().instant();
        shownRows = rows;
        rowCount.set(rows.size());
        // the agenda is built only while it shows (or is asked for): thousands of list lines cost a week switch
        entriesStale = true;
        if (!calendarMode.get()) {
            buildEntries();
        }
        weekSummary.set(summary(rows));
        blocks.setAll(CalendarLayout.layout(rows, weekStart.get(), zone, row -> look(row, now)));
        CalendarBlock was = selected.get();
        selected.set(was == null ? null : blocks.stream().filter(b -> b.id() == was.id()).findFirst().orElse(null));
        shownGeneration.set(shownGeneration.get() + 1);
    }

    private void buildEntries() {
        entriesStale = false;
        List<SlotRow> rows = shownRows;
        Instant now = services.clock().instant();
        LocalDate today = today();
        Map<LocalDate, List<SlotRow>> byDay = new LinkedHashMap<>();
        for (SlotRow row : rows) {
            byDay.computeIfAbsent(row.start().atZone(zone).toLocalDate(), d -> new ArrayList<>()).add(row);
        }
        List<ScheduleEntry> lines = new ArrayList<>();
        byDay.forEach((day, dayRows) -> {
            lines.add(new ScheduleEntry.Day(day, format.dayTitle(day), day.equals(today), summary(dayRows)));
            dayRows.forEach(row -> lines.add(item(row, now)));
        });
        entries.setAll(lines);
    }

    /** How a slot looks on the grid: past ones grey, booked ones in their booking's colour, declined ones marked. */
    private CalendarLayout.Look look(SlotRow row, Instant now) {
        boolean past = !row.end().isAfter(now);
        String time = format.time(row.start()) + (row.minutes() >= 45 ? " – " + format.time(row.end()) : "");
        String style;
        String state;
        String title;
        if (row.isBooked()) {
            title = row.candidateName() == null ? i18n.tr("schedule.who.unknown") : row.candidateName();
            switch (row.bookingStatus()) {
                case APPROVED -> {
                    style = "state-approved";
                    state = i18n.tr("schedule.state.approved");
                }
                case CONFIRMED -> {
                    style = "state-confirmed";
                    state = i18n.tr("schedule.state.confirmed");
                }
                default -> {
                    style = "state-requested";
                    state = i18n.tr("schedule.state.requested");
                }
            }
        } else if (row.status() == SlotStatus.CLOSED) {
            title = i18n.tr("schedule.who.closed");
            style = "state-closed";
            state = i18n.tr("schedule.state.closed");
        } else if (row.bookingStatus() == BookingStatus.DECLINED) {
            title = row.candidateName() == null ? i18n.tr("schedule.state.declined") : row.candidateName();
            style = "state-declined";
            state = i18n.tr("schedule.state.declined");
        } else {
            title = i18n.tr("schedule.who.free");
            style = "state-open";
            state = i18n.tr("schedule.state.open");
        }
        if (past) {
            return new CalendarLayout.Look("state-past", i18n.tr("schedule.state.past"), title, time, false);
        }
        boolean movable = row.status() == SlotStatus.OPEN && row.start().isAfter(now);
        return new CalendarLayout.Look(style, state, title, time, movable);
    }

    private String summary(List<SlotRow> rows) {
        return i18n.tr("schedule.summary", rows.size(), rows.stream().filter(SlotRow::isBooked).count());
    }

    private ScheduleEntry.SlotItem item(SlotRow row, Instant now) {
        String state;
        String style;
        String who;
        if (row.isBooked()) {
            who = row.candidateName() == null ? i18n.tr("schedule.who.unknown") : row.candidateName();
            switch (row.bookingStatus()) {
                case APPROVED -> {
                    state = i18n.tr("schedule.state.approved");
                    style = "state-approved";
                }
                case CONFIRMED -> {
                    state = i18n.tr("schedule.state.confirmed");
                    style = "state-confirmed";
                }
                default -> {
                    state = i18n.tr("schedule.state.requested");
                    style = "state-requested";
                }
            }
        } else if (row.status() == SlotStatus.CLOSED) {
            who = i18n.tr("schedule.who.closed");
            state = i18n.tr("schedule.state.closed");
            style = "state-closed";
        } else {
            who = i18n.tr("schedule.who.free");
            state = i18n.tr("schedule.state.open");
            style = "state-open";
        }
        String where = row.place() == null ? i18n.tr("schedule.place.none") : row.place();
        boolean link = row.place() != null && (row.place().startsWith("https://") || row.place().startsWith("http://"));
        return new ScheduleEntry.SlotItem(row, format.timeRange(row.start(), row.end()), format.duration(row.minutes()),
                who, where, link, state, style, !row.end().isAfter(now));
    }

    // ---- new slot --------------------------------------------------------------------------------------------

    /**
     * Publishes the slot described by the form. Problems show next to their fields; while a creation is in
     * flight further calls do nothing (the button is disabled too, but a double click may arrive first).
     */
    public void createSlot() {
        if (creating.get()) {
            return;
        }
        formMessage.set("");
        formError.set("");
        Draft draft = validate();
        if (draft == null) {
            return;
        }
        creating.set(true);
        tasks.run(() -> services.slots().create(services.recruiterId(), draft.start(), Duration.ofMinutes(draft.minutes()), draft.place()),
                created -> {
                    creating.set(false);
                    onCreated(created);
                },
                failure -> {
                    creating.set(false);
                    onCreateFailed(failure);
                });
    }

    private record Draft(Instant start, int minutes, String place) {
    }

    private Draft validate() {
        LocalDate day = date.get();
        LocalTime at = parseTime(time.get());
        Integer minutes = parseMinutes(duration.get());
        String where = place.get() == null ? "" : place.get().strip();
        dateError.set(day == null ? i18n.tr("slot.error.date") : "");
        timeError.set(at == null ? i18n.tr("slot.error.time") : "");
        durationError.set(minutes == null ? i18n.tr("slot.error.duration", Slot.MIN_MINUTES, Slot.MAX_MINUTES) : "");
        placeError.set(where.length() > MAX_PLACE_LENGTH ? i18n.tr("slot.error.place", MAX_PLACE_LENGTH) : "");
        if (day == null || at == null) {
            return null;
        }
        Instant start = ZonedDateTime.of(day, at, zone).toInstant();
        if (!start.isAfter(services.clock().instant())) {
            timeError.set(i18n.tr("slot.error.past"));
            return null;
        }
        if (minutes == null || !placeError.get().isEmpty()) {
            return null;
        }
        return new Draft(start, minutes, where.isEmpty() ? null : where);
    }

    /** "9:30", "09:30", "9.30" and "0930" are all half past nine; anything else is null. */
    static LocalTime parseTime(String text) {
        Matcher m = TIME.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            return null;
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = Integer.parseInt(m.group(2));
        return hour < 24 && minute < 60 ? LocalTime.of(hour, minute) : null;
    }

    private static Integer parseMinutes(String text) {
        try {
            int minutes = Integer.parseInt(text == null ? "" : text.strip());
            return minutes >= Slot.MIN_MINUTES && minutes <= Slot.MAX_MINUTES ? minutes : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void onCreated(SlotRow created) {
        drawn.set(null);
        ZonedDateTime end = created.end().atZone(zone);
        formMessage.set(i18n.tr("schedule.form.created", format.dayAndTime(created.start()) + " – " + format.time(created.end())));
        lastCreatedId.set(created.id());
        // back-to-back slots are the common case: offer the next one, keeping date and duration
        if (end.toLocalDate().equals(date.get())) {
            time.set(end.toLocalTime().format(INPUT_TIME));
        }
        LocalDate start = mondayOf(created.start().atZone(zone).toLocalDate());
        if (start.equals(weekStart.get())) {
            refresh();
        } else {
            showWeek(start);
        }
    }

    private void onCreateFailed(Throwable failure) {
        if (!(failure instanceof RuleViolation violation)) {
            log.warn("schedule.create.failed", failure);
            formError.set(i18n.tr("slot.error.unexpected", String.valueOf(failure.getMessage())));
            return;
        }
        String text = message(violation);
        switch (violation.field()) {
            case "start" -> timeError.set(text);
            case "duration" -> durationError.set(text);
            case "place" -> placeError.set(text);
            default -> formError.set(text);
        }
    }

    /** A rule violation in words; instants become times in the recruiter's zone (a second one on the same day: time only). */
    String message(RuleViolation violation) {
        return text(violation.messageKey(), violation.args());
    }

    /** A message with its arguments; instants become times in the recruiter's zone. */
    String text(String key, Object[] args) {
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Instant instant) {
                boolean sameDay = i > 0 && args[i - 1] instanceof Instant previous
                        && previous.atZone(zone).toLocalDate().equals(instant.atZone(zone).toLocalDate());
                shown[i] = sameDay ? format.time(instant) : format.dayAndTime(instant);
            } else {
                shown[i] = args[i];
            }
        }
        return i18n.tr(key, shown);
    }

    // ---- delete ----------------------------------------------------------------------------------------------

    /** Asks before deleting; a booked slot is not offered for deletion at all, and the banner says why. */
    public void requestDelete(ScheduleEntry.SlotItem item) {
        if (item.booked()) {
            pendingDelete = null;
            banner.set(new Banner(Banner.Kind.ERROR, i18n.tr("schedule.delete.bookedBy", when(item), item.who()) + " " + i18n.tr("slot.error.booked")));
            return;
        }
        pendingDelete = item;
        pendingMove = null;
        banner.set(new Banner(Banner.Kind.CONFIRM, i18n.tr("schedule.delete.confirm", when(item))));
    }

    /** Asks before deleting the slot selected on the calendar. */
    public void requestDelete(CalendarBlock block) {
        requestDelete(item(block.row(), services.clock().instant()));
    }

    /** The banner's confirm button: deletes or moves, whichever it asked about. */
    public void confirmBanner() {
        if (pendingMove != null) {
            confirmMove();
        } else {
            confirmDelete();
        }
    }

    /** Deletes the slot the banner asked about; the use case refuses it if it was booked in the meantime. */
    public void confirmDelete() {
        ScheduleEntry.SlotItem item = pendingDelete;
        if (item == null) {
            return;
        }
        pendingDelete = null;
        banner.set(null);
        tasks.run(() -> {
            services.slots().delete(item.id());
            return item;
        }, deleted -> {
            banner.set(new Banner(Banner.Kind.INFO, i18n.tr("schedule.delete.done", when(deleted))));
            if (selected.get() != null && selected.get().id() == deleted.id()) {
                selected.set(null);
            }
            refresh();
        }, failure -> {
            if (!(failure instanceof RuleViolation)) {
                log.warn("schedule.delete.failed slot={}", item.id(), failure);
            }
            String text = failure instanceof RuleViolation v ? message(v) : i18n.tr("slot.error.unexpected", String.valueOf(failure.getMessage()));
            banner.set(new Banner(Banner.Kind.ERROR, text));
            refresh();
        });
    }

    public void dismissBanner() {
        pendingDelete = null;
        if (pendingMove != null) {
            pendingMove = null;
            // the block was dragged away; show it where it still is
            refresh();
        }
        banner.set(null);
    }

    // ---- calendar ------------------------------------------------------------------------------------------

    public void showCalendar() {
        calendarMode.set(true);
    }

    public void showList() {
        calendarMode.set(false);
    }

    /** Shows a block's details (or none). */
    public void select(CalendarBlock block) {
        selected.set(block);
        if (block != null) {
            drawn.set(null);
        }
    }

    /**
     * A slot drawn on empty grid space: the form is filled with its day, start and length (snapped by the grid) and
     * waits for the recruiter to check the place and publish. Nothing is created until then.
     */
    public void drawSlot(LocalDate day, int startMinute, int minutes) {
        selected.set(null);
        drawn.set(new DrawnSlot(day, startMinute, minutes));
        date.set(day);
        time.set(LocalTime.MIN.plusMinutes(startMinute).format(INPUT_TIME));
        duration.set(String.valueOf(minutes));
        formError.set("");
        Instant start = ZonedDateTime.of(day, LocalTime.MIN.plusMinutes(startMinute), zone).toInstant();
        formMessage.set(i18n.tr("schedule.calendar.drafted", format.dayAndTime(start) + " – " + format.time(start.plus(Duration.ofMinutes(minutes)))));
    }

    /** Forgets a drawn slot (Escape, or the recruiter clicked elsewhere). */
    public void clearDrawn() {
        drawn.set(null);
    }

    /**
     * A block dragged to a new day, start or length. An open slot moves at once; a booked one first asks, since the
     * candidate is told; anything else is refused by the grid already.
     */
    public void dragBlock(CalendarBlock block, LocalDate day, int startMinute, int minutes) {
        Instant start = ZonedDateTime.of(day, LocalTime.MIN.plusMinutes(startMinute), zone).toInstant();
        Duration length = Duration.ofMinutes(minutes);
        if (start.equals(block.row().start()) && length.toMinutes() == block.row().minutes()) {
            return;
        }
        if (!start.isAfter(services.clock().instant())) {
            banner.set(new Banner(Banner.Kind.ERROR, i18n.tr("slot.error.past")));
            refresh();
            return;
        }
        if (block.booked()) {
            pendingDelete = null;
            pendingMove = new PendingMove(block, start, length);
            String who = block.row().candidateName() == null ? i18n.tr("schedule.who.unknown") : block.row().candidateName();
            banner.set(new Banner(Banner.Kind.CONFIRM, i18n.tr("schedule.move.confirm", who,
                    format.dayAndTime(block.row().start()), format.dayAndTime(start) + " – " + format.time(start.plus(length))),
                    i18n.tr("schedule.move.confirmButton"), i18n.tr("schedule.move.keep")));
            return;
        }
        moving.set(true);
        tasks.run(() -> services.slots().move(block.id(), start, length), movedRow -> {
            moving.set(false);
            banner.set(new Banner(Banner.Kind.INFO, i18n.tr("schedule.calendar.moved", format.dayAndTime(movedRow.start()) + " – " + format.time(movedRow.end()))));
            refresh();
        }, this::onMoveFailed);
    }

    /** Moves the booked slot the banner asked about, with its booking: a new revision the candidate hears about. */
    public void confirmMove() {
        PendingMove move = pendingMove;
        if (move == null || moving.get()) {
            return;
        }
        pendingMove = null;
        banner.set(null);
        moving.set(true);
        tasks.run(() -> services.bookings().rescheduleInPlace(move.block().row().bookingId(), move.start(), move.duration(), Actor.RECRUITER),
                booking -> {
                    moving.set(false);
                    String who = move.block().row().candidateName() == null ? i18n.tr("schedule.who.unknown") : move.block().row().candidateName();
                    banner.set(new Banner(Banner.Kind.INFO, i18n.tr("schedule.calendar.rescheduled", who,
                            format.dayAndTime(move.start()) + " – " + format.time(move.start().plus(move.duration())))));
                    refresh();
                }, this::onMoveFailed);
    }

    private void onMoveFailed(Throwable failure) {
        moving.set(false);
        if (!(failure instanceof RuleViolation)) {
            log.warn("schedule.move.failed", failure);
        }
        String text = failure instanceof RuleViolation v ? message(v) : i18n.tr("slot.error.unexpected", String.valueOf(failure.getMessage()));
        banner.set(new Banner(Banner.Kind.ERROR, text));
        refresh();
    }

    /** After a bulk generation or an import: show what was made and where. */
    public void batchCreated(List<SlotRow> created, String message) {
        banner.set(new Banner(Banner.Kind.INFO, message));
        if (created.isEmpty()) {
            return;
        }
        LocalDate first = mondayOf(created.get(0).start().atZone(zone).toLocalDate());
        if (first.equals(weekStart.get())) {
            refresh();
        } else {
            showWeek(first);
        }
    }

    /** What the details panel shows for a block. {@code candidate} is null for a free slot. */
    public record Details(String when, String duration, String place, String state, String stateStyle, String candidate,
                          String hint, boolean deletable) {
    }

    public Details details(CalendarBlock b) {
        SlotRow row = b.row();
        String candidate = null;
        String hint;
        if (row.isBooked()) {
            candidate = (row.candidateName() == null ? i18n.tr("schedule.who.unknown") : row.candidateName()) + " · " + b.state();
            hint = i18n.tr("schedule.details.deleteBooked");
        } else if (row.bookingStatus() == BookingStatus.DECLINED) {
            hint = i18n.tr("schedule.details.declinedBy", row.candidateName() == null ? i18n.tr("schedule.who.unknown") : row.candidateName());
        } else {
            hint = i18n.tr("schedule.details.free") + (b.movable() ? " " + i18n.tr("schedule.details.dragHint") : "");
        }
        return new Details(format.dayAndTime(row.start()) + " – " + format.time(row.end()), format.duration(row.minutes()),
                row.place() == null ? i18n.tr("schedule.place.none") : row.place(), b.state(), b.stateStyle(), candidate, hint,
                !row.isBooked());
    }

    public BooleanProperty calendarModeProperty() {
        return calendarMode;
    }

    /** The shown week's slots placed on the grid. */
    public ObservableList<CalendarBlock> blocks() {
        return shownBlocks;
    }

    public ReadOnlyObjectProperty<List<DayHeader>> daysProperty() {
        return days.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CalendarBlock> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DrawnSlot> drawnProperty() {
        return drawn.getReadOnlyProperty();
    }

    /** True while a move is being saved. */
    public ReadOnlyBooleanProperty movingProperty() {
        return moving.getReadOnlyProperty();
    }

    /** Increments each time a loaded week is shown: what the benchmark waits for. */
    public ReadOnlyObjectProperty<Long> shownGenerationProperty() {
        return shownGeneration.getReadOnlyProperty();
    }

    ScheduleFormat format() {
        return format;
    }

    ConsoleServices services() {
        return services;
    }

    TaskRunner tasks() {
        return tasks;
    }

    I18n i18n() {
        return i18n;
    }

    ZoneId zone() {
        return zone;
    }

    private String when(ScheduleEntry.SlotItem item) {
        return format.dayAndTime(item.row().start()) + " – " + format.time(item.row().end());
    }

    // ---- helpers and properties ------------------------------------------------------------------------------

    /** The recruiter's zone, which every time on the screen is in. */
    public String zoneName() {
        return zone.getId();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(services.clock().instant(), zone);
    }

    private static LocalDate mondayOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public ReadOnlyObjectProperty<LocalDate> weekStartProperty() {
        return weekStart.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty weekLabelProperty() {
        return weekLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty weekSummaryProperty() {
        return weekSummary.getReadOnlyProperty();
    }

    public ObservableList<ScheduleEntry> entries() {
        if (entriesStale) {
            buildEntries();
        }
        return shownEntries;
    }

    /** The slots of the shown week, without the day headings. */
    public List<ScheduleEntry.SlotItem> slots() {
        return entries().stream().filter(ScheduleEntry.SlotItem.class::isInstance).map(ScheduleEntry.SlotItem.class::cast).toList();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    /** True when the week is loaded and has no slots. */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    /** The id of the slot created last, so the view can select it once it is listed. */
    public ReadOnlyObjectProperty<Long> lastCreatedIdProperty() {
        return lastCreatedId.getReadOnlyProperty();
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public StringProperty timeProperty() {
        return time;
    }

    public StringProperty durationProperty() {
        return duration;
    }

    public StringProperty placeProperty() {
        return place;
    }

    public ReadOnlyStringProperty dateErrorProperty() {
        return dateError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timeErrorProperty() {
        return timeError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty durationErrorProperty() {
        return durationError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty placeErrorProperty() {
        return placeError.getReadOnlyProperty();
    }

    /** A problem with the form as a whole (or an unexpected failure). */
    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    /** The short confirmation after a slot was published. */
    public ReadOnlyStringProperty formMessageProperty() {
        return formMessage.getReadOnlyProperty();
    }

    /** True while a creation is in flight: the submit lock. */
    public ReadOnlyBooleanProperty creatingProperty() {
        return creating.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Banner> bannerProperty() {
        return banner.getReadOnlyProperty();
    }
}
