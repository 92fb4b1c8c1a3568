package dev.recruitdesk.ui.bookings;

import dev.recruitdesk.ui.StatusMessage;
import dev.recruitdesk.booking.BookingFilter;
import dev.recruitdesk.booking.BookingRow;
import dev.recruitdesk.booking.SlotRow;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.BookingStatus;
import dev.recruitdesk.ui.BookingFormat;
import dev.recruitdesk.ui.ConsoleServices;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.SlotChoice;
import dev.recruitdesk.ui.TaskRunner;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State and commands of the Bookings screen: the recruiter's bookings by interview time, filtered by period (upcoming,
 * past or a range of days), state and confirmation; per booking reschedule, cancel with a message, and the outcome
 * (attended / no-show) once it began. Approved bookings still unconfirmed within the hour are flagged.
 */
public class BookingsViewModel {

    static final int LIMIT = 500;
    static final int MAX_NOTE = 1000;
    private static final Logger log = LoggerFactory.getLogger(BookingsViewModel.class);

    /** Which interview times the list shows. */
    public enum Period { UPCOMING, PAST, RANGE }

    /** Groups of states the list can show. */
    public enum StateFilter {
        ALL(Set.of()),
        ACTIVE(EnumSet.of(BookingStatus.REQUESTED, BookingStatus.APPROVED, BookingStatus.CONFIRMED)),
        REQUESTED(EnumSet.of(BookingStatus.REQUESTED)),
        APPROVED(EnumSet.of(BookingStatus.APPROVED)),
        CONFIRMED(EnumSet.of(BookingStatus.CONFIRMED)),
        FINISHED(EnumSet.of(BookingStatus.ATTENDED, BookingStatus.NO_SHOW, BookingStatus.PASSED, BookingStatus.FAILED)),
        CALLED_OFF(EnumSet.of(BookingStatus.DECLINED, BookingStatus.REJECTED, BookingStatus.CANCELLED, BookingStatus.EXPIRED));

        final Set<BookingStatus> statuses;

        StateFilter(Set<BookingStatus> statuses) {
            this.statuses = statuses;
        }
    }

    /** Confirmed by the candidate (✅), or approved and still waiting for it. */
    public enum Confirmation { ANY, CONFIRMED, UNCONFIRMED }

    private final ConsoleServices services;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final BookingFormat format;

    private final ObjectProperty<Period> period = new SimpleObjectProperty<>(Period.UPCOMING);
    private final ObjectProperty<LocalDate> fromDate = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> toDate = new SimpleObjectProperty<>();
    private final ObjectProperty<StateFilter> state = new SimpleObjectProperty<>(StateFilter.ALL);
    private final ObjectProperty<Confirmation> confirmation = new SimpleObjectProperty<>(Confirmation.ANY);
    private final ReadOnlyStringWrapper rangeError = new ReadOnlyStringWrapper("");

    private final ObservableList<BookingItem> items = FXCollections.observableArrayList();
    private final ObjectProperty<BookingItem> selected = new SimpleObjectProperty<>();
    private final ObservableList<SlotChoice> slotChoices = FXCollections.observableArrayList();
    private final ObjectProperty<SlotChoice> newSlot = new SimpleObjectProperty<>();
    private final StringProperty cancelNote = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper noteError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final StatusMessage message = new StatusMessage();
    private final ReadOnlyBooleanWrapper canChange = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canReschedule = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canMarkOutcome = new ReadOnlyBooleanWrapper();
    private int generation;

    public BookingsViewModel(ConsoleServices services, TaskRunner tasks, I18n i18n, Executor fxThread) {
        this.services = services;
        this.tasks = tasks;
        this.i18n = i18n;
        this.format = new BookingFormat(i18n, services.recruiterZone());
        LocalDate today = LocalDate.ofInstant(services.clock().instant(), services.recruiterZone());
        fromDate.set(today);
        toDate.set(today.plusDays(7));
        empty.bind(Bindings.createBooleanBinding(() -> !loading.get() && items.isEmpty(), loading, items));
        canChange.bind(Bindings.createBooleanBinding(() -> !busy.get() && selected.get() != null && selected.get().row().status().isActive(),
                busy, selected));
        canReschedule.bind(Bindings.createBooleanBinding(() -> canChange.get() && newSlot.get() != null, canChange, newSlot));
        canMarkOutcome.bind(Bindings.createBooleanBinding(() -> !busy.get() && selected.get() != null
                && isApprovedOrConfirmed(selected.get().row())
                && selected.get().row().started(services.clock().instant()), busy, selected));
        period.addListener((obs, old, now) -> refresh());
        fromDate.addListener((obs, old, now) -> refresh());
        toDate.addListener((obs, old, now) -> refresh());
        state.addListener((obs, old, now) -> refresh());
        confirmation.addListener((obs, old, now) -> refresh());
        cancelNote.addListener((obs, old, now) -> noteError.set(""));
        services.bookings().changes().subscribe(change -> fxThread.execute(this::refresh));
        services.bookings().changes().subscribeAcrossConsoles(Set.of("booking", "slot", "candidate"), fxThread, this::refresh);
    }

    private static boolean isApprovedOrConfirmed(BookingRow row) {
        return row.status() == BookingStatus.APPROVED || row.status() == BookingStatus.CONFIRMED;
    }

    /** Loads the list for the filters (and the open slots to move to); a newer load wins. */
    public void refresh() {
        BookingFilter filter = filter();
        if (filter == null) {
            return;
        }
        int mine = ++generation;
        loading.set(true);
        long me = services.recruiterId();
        tasks.run(() -> new Loaded(services.queries().bookings(me, filter), services.queries().openSlots(me, 200)), loaded -> {
            if (mine == generation) {
                show(loaded);
                loading.set(false);
            }
        }, failure -> {
            if (mine == generation) {
                log.warn("bookings.load.failed", failure);
                say(format.problem(failure), true);
                loading.set(false);
            }
        });
    }

    private record Loaded(List<BookingRow> rows, List<SlotRow> slots) {
    }

    /** The filter for the query, or null (with an inline message) when the day range is not a range. */
    BookingFilter filter() {
        Instant now = services.clock().instant();
        Instant from = null;
        Instant to = null;
        rangeError.set("");
        switch (period.get()) {
            case UPCOMING -> from = startOfToday();
            case PAST -> to = now;
            case RANGE -> {
                if (fromDate.get() == null || toDate.get() == null) {
                    rangeError.set(i18n.tr("bookings.error.rangeMissing"));
                    return null;
                }
                if (toDate.get().isBefore(fromDate.get())) {
                    rangeError.set(i18n.tr("bookings.error.range"));
                    return null;
                }
                from = fromDate.get().atStartOfDay(services.recruiterZone()).toInstant();
                to = toDate.get().plusDays(1).atStartOfDay(services.recruiterZone()).toInstant();
            }
            default -> throw new IllegalStateException();
        }
        Boolean confirmed = switch (confirmation.get()) {
            case ANY -> null;
            case CONFIRMED -> true;
            case UNCONFIRMED -> false;
        };
        return new BookingFilter(from, to, state.get().statuses, confirmed, LIMIT);
    }

    /** "Upcoming" starts at the beginning of today, so this morning's interviews stay in view for their outcome. */
    private Instant startOfToday() {
        return LocalDate.ofInstant(services.clock().instant(), services.recruiterZone()).atStartOfDay(services.recruiterZone()).toInstant();
    }

    private void show(Loaded loaded) {
        Long keep = selected.get() == null ? null : selected.get().bookingId();
        Instant now = services.clock().instant();
        items.setAll(loaded.rows().stream().map(r -> item(r, now)).toList());
        selected.set(items.stream().filter(i -> keep != null && i.bookingId() == keep).findFirst().orElse(null));
        SlotChoice chosen = newSlot.get();
        slotChoices.setAll(loaded.slots().stream().map(s -> new SlotChoice(s, format.when(s.start(), s.end()))).toList());
        newSlot.set(chosen == null ? null : slotChoices.stream().filter(c -> c.slot().id() == chosen.slot().id()).findFirst().orElse(null));
        long soon = items.stream().filter(BookingItem::soonUnconfirmed).count();
        summary.set(i18n.tr("bookings.summary", items.size(), soon));
    }

    private BookingItem item(BookingRow r, Instant now) {
        return new BookingItem(r, format.when(r.start(), r.end()), format.candidateTime(r), format.status(r.status()),
                BookingFormat.statusStyle(r.status()), r.unconfirmedSoon(now), format.startsIn(r.start(), now));
    }

    /** Recomputes "starts in" and the highlight from the clock; the view calls it every few seconds. */
    public void tick() {
        Instant now = services.clock().instant();
        BookingItem sel = selected.get();
        items.replaceAll(i -> item(i.row(), now));
        if (sel != null) {
            selected.set(items.stream().filter(i -> i.bookingId() == sel.bookingId()).findFirst().orElse(null));
        }
    }

    public void select(BookingItem item) {
        selected.set(item);
    }

    /** Moves the selected booking to the chosen open slot; an approved candidate is told the new time. */
    public void reschedule() {
        if (!canReschedule.get()) {
            return;
        }
        long id = selected.get().bookingId();
        long slotId = newSlot.get().slot().id();
        act(() -> services.bookings().reschedule(id, slotId, Actor.RECRUITER), "bookings.rescheduled");
        newSlot.set(null);
    }

    /** Cancels the selected booking; the optional message goes to the candidate with the cancellation. */
    public void cancel() {
        if (!canChange.get()) {
            return;
        }
        String note = cancelNote.get() == null ? "" : cancelNote.get().strip();
        if (note.length() > MAX_NOTE) {
            noteError.set(i18n.tr("people.error.noteTooLong", MAX_NOTE));
            return;
        }
        long id = selected.get().bookingId();
        act(() -> services.bookings().cancel(id, Actor.RECRUITER, note.isEmpty() ? null : note), "bookings.cancelled");
        cancelNote.set("");
    }

    public void markAttended() {
        markOutcome(BookingStatus.ATTENDED);
    }

    public void markNoShow() {
        markOutcome(BookingStatus.NO_SHOW);
    }

    public void markPassed() {
        markOutcome(BookingStatus.PASSED);
    }

    public void markFailed() {
        markOutcome(BookingStatus.FAILED);
    }

    private void markOutcome(BookingStatus outcome) {
        if (!canMarkOutcome.get()) {
            return;
        }
        long id = selected.get().bookingId();
        act(() -> services.bookings().markOutcome(id, outcome), switch (outcome) {
            case ATTENDED -> "bookings.attended";
            case PASSED -> "bookings.passed";
            case FAILED -> "bookings.failed";
            default -> "bookings.noShow";
        });
    }

    private void act(Callable<?> work, String doneKey) {
        busy.set(true);
        say("", false);
        String who = selected.get().row().candidateName();
        tasks.run(work, done -> {
            busy.set(false);
            say(i18n.tr(doneKey, who), false);
            refresh();
        }, failure -> {
            busy.set(false);
            log.info("bookings.action.refused reason={}", failure.toString());
            say(format.problem(failure), true);
            refresh();
        });
    }

    private void say(String text, boolean error) {
        message.say(text, error);
    }

    public void dismissMessage() {
        say("", false);
    }

    public ObservableList<BookingItem> items() {
        return FXCollections.unmodifiableObservableList(items);
    }

    public ObjectProperty<BookingItem> selectedProperty() {
        return selected;
    }

    public ObjectProperty<Period> periodProperty() {
        return period;
    }

    public ObjectProperty<LocalDate> fromDateProperty() {
        return fromDate;
    }

    public ObjectProperty<LocalDate> toDateProperty() {
        return toDate;
    }

    public ObjectProperty<StateFilter> stateProperty() {
        return state;
    }

    public ObjectProperty<Confirmation> confirmationProperty() {
        return confirmation;
    }

    public ReadOnlyStringProperty rangeErrorProperty() {
        return rangeError.getReadOnlyProperty();
    }

    public ObservableList<SlotChoice> slotChoices() {
        return slotChoices;
    }

    public ObjectProperty<SlotChoice> newSlotProperty() {
        return newSlot;
    }

    public StringProperty cancelNoteProperty() {
        return cancelNote;
    }

    public ReadOnlyStringProperty noteErrorProperty() {
        return noteError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    /** True when the selected booking is active and no action runs: reschedule and cancel are possible. */
    public ReadOnlyBooleanProperty canChangeProperty() {
        return canChange.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRescheduleProperty() {
        return canReschedule.getReadOnlyProperty();
    }

    /** True when the selected booking is approved or confirmed and its interview began. */
    public ReadOnlyBooleanProperty canMarkOutcomeProperty() {
        return canMarkOutcome.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.textProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return message.errorProperty();
    }

    public String zoneNote() {
        return i18n.tr("people.zoneNote", format.zoneName(services.clock().instant()));
    }

    /** The chosen booking in words for the side pane: who, when in both zones, state. */
    public String describe(BookingItem item) {
        return item.row().candidateName() + "\n" + item.when() + "\n" + item.candidateTime();
    }

    public String label(Enum<?> choice) {
        return i18n.tr(BookingFormat.keyOf("bookings." + choice.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + ".", choice));
    }
}
