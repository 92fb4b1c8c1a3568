package dev.recruitdesk.ui.requests;

import dev.recruitdesk.ui.StatusMessage;
import dev.recruitdesk.booking.BookingRow;
import dev.recruitdesk.booking.SlotRow;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.ui.BookingFormat;
import dev.recruitdesk.ui.ConsoleServices;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.SlotChoice;
import dev.recruitdesk.ui.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
 * State and commands of the Requests screen: bookings waiting for approval, oldest first, with live waiting times;
 * approve (one or many), reject with an optional message, or propose another open slot. The list reloads when a
 * booking changes anywhere (the bot, another screen). One action runs at a time: the submit lock.
 */
public class RequestsViewModel {

    static final int MAX_NOTE = 1000;
    private static final int SLOT_CHOICES = 200;
    private static final Logger log = LoggerFactory.getLogger(RequestsViewModel.class);

    private final ConsoleServices services;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final BookingFormat format;

    private final ObservableList<RequestItem> requests = FXCollections.observableArrayList();
    private final ObservableList<RequestItem> selected = FXCollections.observableArrayList();
    private final ObservableList<SlotChoice> slotChoices = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final StatusMessage message = new StatusMessage();
    private final ReadOnlyStringWrapper noteError = new ReadOnlyStringWrapper("");
    private final StringProperty rejectNote = new SimpleStringProperty("");
    private final ObjectProperty<SlotChoice> proposedSlot = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper canPropose = new ReadOnlyBooleanWrapper();
    private int generation;

    public RequestsViewModel(ConsoleServices services, TaskRunner tasks, I18n i18n, Executor fxThread) {
        this.services = services;
        this.tasks = tasks;
        this.i18n = i18n;
        this.format = new BookingFormat(i18n, services.recruiterZone());
        empty.bind(Bindings.createBooleanBinding(() -> !loading.get() && requests.isEmpty(), loading, requests));
        canPropose.bind(Bindings.createBooleanBinding(() -> selected.size() == 1 && proposedSlot.get() != null && !busy.get(),
                selected, proposedSlot, busy));
        rejectNote.addListener((obs, old, now) -> noteError.set(""));
        services.bookings().changes().subscribe(change -> fxThread.execute(this::refresh));
        services.bookings().changes().subscribeAcrossConsoles(Set.of("booking", "slot", "candidate"), fxThread, this::refresh);
    }

    /** Loads the requests and the open slots again; a newer load wins over an older one still running. */
    public void refresh() {
        int mine = ++generation;
        loading.set(true);
        long me = services.recruiterId();
        tasks.run(() -> new Loaded(services.queries().requests(me), services.queries().openSlots(me, SLOT_CHOICES)), loaded -> {
            if (mine == generation) {
                show(loaded);
                loading.set(false);
            }
        }, failure -> {
            if (mine == generation) {
                log.warn("requests.load.failed", failure);
                say(format.problem(failure), true);
                loading.set(false);
            }
        });
    }

    private record Loaded(List<BookingRow> rows, List<SlotRow> slots) {
    }

    private void show(Loaded loaded) {
        List<RequestItem> items = loaded.rows().stream()
                .map(r -> new RequestItem(r, format.when(r.start(), r.end()), format.candidateTime(r))).toList();
        requests.setAll(items);
        selected.removeIf(i -> !requests.contains(i));
        SlotChoice chosen = proposedSlot.get();
        slotChoices.setAll(loaded.slots().stream().map(s -> new SlotChoice(s, format.when(s.start(), s.end()))).toList());
        proposedSlot.set(chosen == null ? null
                : slotChoices.stream().filter(c -> c.slot().id() == chosen.slot().id()).findFirst().orElse(null));
        tick();
    }

    /** Recomputes the waiting times ("12 min ago") and the summary from the clock; the view calls it every few seconds. */
    public void tick() {
        var now = services.clock().instant();
        requests.forEach(i -> i.setWaiting(format.ago(i.row().requestedAt(), now)));
        summary.set(requests.isEmpty() ? i18n.tr("requests.summary.none")
                : i18n.tr("requests.summary", requests.size(), format.ago(requests.get(0).row().requestedAt(), now)));
    }

    /** The view tells which requests are selected. */
    public void select(List<RequestItem> items) {
        selected.setAll(items);
    }

    /** Approves every selected request; each candidate gets the approval and reminders. */
    public void approveSelected() {
        List<Long> ids = ids();
        if (ids.isEmpty() || busy.get()) {
            return;
        }
        run(ids, id -> services.bookings().approve(id), "requests.approved");
    }

    /** Rejects the selected requests; the optional message goes to each candidate. */
    public void rejectSelected() {
        List<Long> ids = ids();
        if (ids.isEmpty() || busy.get()) {
            return;
        }
        String note = rejectNote.get() == null ? "" : rejectNote.get().strip();
        if (note.length() > MAX_NOTE) {
            noteError.set(i18n.tr("people.error.noteTooLong", MAX_NOTE));
            return;
        }
        run(ids, id -> services.bookings().reject(id, note.isEmpty() ? null : note), "requests.rejected");
        rejectNote.set("");
    }

    /** Moves the one selected request to the chosen open slot; the candidate is told the new time. */
    public void proposeOtherTime() {
        if (!canPropose.get()) {
            return;
        }
        long slotId = proposedSlot.get().slot().id();
        run(ids(), id -> services.bookings().reschedule(id, slotId, Actor.RECRUITER), "requests.proposed");
        proposedSlot.set(null);
    }

    @FunctionalInterface
    private interface Action {
        void apply(long bookingId);
    }

    private void run(List<Long> ids, Action action, String doneKey) {
        busy.set(true);
        say("", false);
        tasks.run(() -> {
            List<String> problems = new ArrayList<>();
            int done = 0;
            for (long id : ids) {
                try {
                    action.apply(id);
                    done++;
                } catch (RuntimeException e) {
                    log.info("requests.action.refused booking={} reason={}", id, e.toString());
                    problems.add(format.problem(e));
                }
            }
            return new Outcome(done, problems);
        }, outcome -> {
            busy.set(false);
            if (outcome.problems().isEmpty()) {
                say(i18n.tr(doneKey, outcome.done()), false);
            } else {
                say(i18n.tr("requests.partly", outcome.done(), String.join("; ", outcome.problems())), true);
            }
            refresh();
        }, failure -> {
            busy.set(false);
            say(format.problem(failure), true);
            refresh();
        });
    }

    private record Outcome(int done, List<String> problems) {
    }

    private List<Long> ids() {
        return selected.stream().map(RequestItem::bookingId).toList();
    }

    private void say(String text, boolean error) {
        message.say(text, error);
    }

    public void dismissMessage() {
        say("", false);
    }

    public ObservableList<RequestItem> requests() {
        return FXCollections.unmodifiableObservableList(requests);
    }

    public ObservableList<RequestItem> selected() {
        return FXCollections.unmodifiableObservableList(selected);
    }

    public ObservableList<SlotChoice> slotChoices() {
        return slotChoices;
    }

    public ObjectProperty<SlotChoice> proposedSlotProperty() {
        return proposedSlot;
    }

    public StringProperty rejectNoteProperty() {
        return rejectNote;
    }

    public ReadOnlyStringProperty noteErrorProperty() {
        return noteError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canProposeProperty() {
        return canPropose.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** True while an action runs: the buttons are disabled and further commands are ignored. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The outcome of the last action, or a load failure. */
    public ReadOnlyStringProperty messageProperty() {
        return message.textProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return message.errorProperty();
    }

    /** "Times are in Moscow, UTC+3". */
    public String zoneNote() {
        return i18n.tr("people.zoneNote", format.zoneName(services.clock().instant()));
    }
}
