package dev.recruitdesk.ui.candidates;

import dev.recruitdesk.ui.StatusMessage;
import dev.recruitdesk.booking.CandidateRow;
import dev.recruitdesk.booking.InviteService;
import dev.recruitdesk.booking.RuleViolation;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.ui.BookingFormat;
import dev.recruitdesk.ui.ConsoleServices;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.LinkOpener;
import dev.recruitdesk.ui.TaskRunner;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State and commands of the Candidates screen: every candidate, filtered in memory as the recruiter types (so a
 * keystroke costs a predicate pass, not a query); the selected candidate's timeline; creating a candidate, an
 * invite link, a message through the outbox, and their Telegram chat.
 */
public class CandidatesViewModel {

    private static final Logger log = LoggerFactory.getLogger(CandidatesViewModel.class);

    private final ConsoleServices services;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final LinkOpener links;
    private final BookingFormat format;
    private final TimelineText timelineText;

    private final ObservableList<CandidateItem> all = FXCollections.observableArrayList();
    private final FilteredList<CandidateItem> shown = new FilteredList<>(all, c -> true);
    private final StringProperty search = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<CandidateItem> selected = new SimpleObjectProperty<>();
    private final ObservableList<TimelineLine> timeline = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper timelineLoading = new ReadOnlyBooleanWrapper();
    private final StatusMessage message = new StatusMessage();
    private final ReadOnlyStringWrapper inviteLink = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    private final StringProperty messageText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper messageTextError = new ReadOnlyStringWrapper("");

    private final BooleanProperty formShown = new SimpleBooleanProperty();
    private final StringProperty newName = new SimpleStringProperty("");
    private final StringProperty newZone = new SimpleStringProperty("");
    private final StringProperty newUsername = new SimpleStringProperty("");
    private final StringProperty newPhone = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper zoneError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper usernameError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper phoneError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper creating = new ReadOnlyBooleanWrapper();
    private int generation;
    private int timelineGeneration;

    public CandidatesViewModel(ConsoleServices services, TaskRunner tasks, I18n i18n, Executor fxThread, LinkOpener links) {
        this.services = services;
        this.tasks = tasks;
        this.i18n = i18n;
        this.links = links;
        this.format = new BookingFormat(i18n, services.recruiterZone());
        this.timelineText = new TimelineText(i18n, format);
        newZone.set(services.recruiterZone().getId());
        search.addListener((obs, old, now) -> applySearch());
        empty.bind(Bindings.createBooleanBinding(() -> !loading.get() && shown.isEmpty(), loading, shown));
        countText.bind(Bindings.createStringBinding(() -> i18n.tr("candidates.count", shown.size(), all.size()), shown, all));
        selected.addListener((obs, old, now) -> {
            inviteLink.set("");
            messageTextError.set("");
            if (now != null && (old == null || old.id() != now.id())) {
                timeline.clear();
                refreshTimeline();
            }
        });
        newName.addListener((obs, old, now) -> nameError.set(""));
        newZone.addListener((obs, old, now) -> zoneError.set(""));
        newUsername.addListener((obs, old, now) -> usernameError.set(""));
        newPhone.addListener((obs, old, now) -> phoneError.set(""));
        messageText.addListener((obs, old, now) -> messageTextError.set(""));
        services.bookings().changes().subscribe(change -> fxThread.execute(() -> {
            refresh();
            if (selected.get() != null && selected.get().id() == change.candidateId()) {
                refreshTimeline();
            }
        }));
        services.bookings().changes().subscribeAcrossConsoles(Set.of("booking", "candidate"), fxThread, () -> {
            refresh();
            if (selected.get() != null) {
                refreshTimeline();
            }
        });
    }

    /** Loads every candidate again (one query), keeping the search and the selection. */
    public void refresh() {
        int mine = ++generation;
        loading.set(true);
        tasks.run(() -> services.queries().candidates().stream().map(this::item).toList(), items -> {
            if (mine == generation) {
                Long keep = selected.get() == null ? null : selected.get().id();
                all.setAll(items);
                loading.set(false);
                if (keep != null) {
                    selected.set(items.stream().filter(i -> i.id() == keep).findFirst().orElse(null));
                }
            }
        }, failure -> {
            if (mine == generation) {
                log.warn("candidates.load.failed", failure);
                say(format.problem(failure), true);
                loading.set(false);
            }
        });
    }

    private CandidateItem item(CandidateRow r) {
        String contact = String.join(" · ", java.util.stream.Stream.of(r.username() == null ? null : "@" + r.username(), r.phone())
                .filter(s -> s != null && !s.isBlank()).toList());
        String state = r.latestStatus() == null ? i18n.tr("candidates.state.new") : format.status(r.latestStatus());
        String style = r.latestStatus() == null ? "status-new" : BookingFormat.statusStyle(r.latestStatus());
        return new CandidateItem(r, r.searchText(), contact, state, style);
    }

    /** Every word typed must occur in the candidate's name, username or phone. */
    private void applySearch() {
        String[] words = search.get() == null ? new String[0] : search.get().strip().toLowerCase(Locale.ROOT).split("\\s+");
        if (words.length == 0 || (words.length == 1 && words[0].isEmpty())) {
            shown.setPredicate(c -> true);
            return;
        }
        shown.setPredicate(c -> {
            for (String w : words) {
                if (!c.searchText().contains(w)) {
                    return false;
                }
            }
            return true;
        });
    }

    public void select(CandidateItem item) {
        selected.set(item);
    }

    /** Loads the selected candidate's timeline again (their bookings' changes, messages and delivery attempts). */
    public void refreshTimeline() {
        CandidateItem item = selected.get();
        if (item == null) {
            return;
        }
        int mine = ++timelineGeneration;
        timelineLoading.set(true);
        tasks.run(() -> services.queries().timeline(item.id()), entries -> {
            if (mine == timelineGeneration) {
                timeline.setAll(entries.stream().map(timelineText::line).toList());
                timelineLoading.set(false);
            }
        }, failure -> {
            if (mine == timelineGeneration) {
                log.warn("candidates.timeline.failed candidate={}", item.id(), failure);
                say(format.problem(failure), true);
                timelineLoading.set(false);
            }
        });
    }

    // ---- actions on the selected candidate ----------------------------------------------------------------

    /** Creates a one-time invite code and its {@code /start} link; the view copies it to the clipboard. */
    public void invite() {
        CandidateItem item = selected.get();
        if (item == null || busy.get()) {
            return;
        }
        busy.set(true);
        say("", false);
        tasks.run(() -> {
            String bot = services.botUsername().get();
            if (bot == null) {
                throw new RuleViolation("", "candidates.invite.noBot");
            }
            return InviteService.link(bot, services.invites().create(item.id()));
        }, link -> {
            busy.set(false);
            inviteLink.set(link);
            say(i18n.tr("candidates.invite.copied", item.row().name()), false);
        }, failure -> {
            busy.set(false);
            say(format.problem(failure), true);
        });
    }

    /** Opens the Telegram chat when the username is known; otherwise says why it cannot. */
    public void openChat() {
        CandidateItem item = selected.get();
        if (item == null) {
            return;
        }
        String user = item.row().username();
        if (user == null || user.isBlank()) {
            say(i18n.tr("candidates.chat.noUsername", item.row().name()), true);
            return;
        }
        try {
            links.open("https://t.me/" + user);
        } catch (RuntimeException e) {
            log.warn("candidates.chat.open.failed", e);
            say(i18n.tr("candidates.chat.failed", "https://t.me/" + user), true);
        }
    }

    /** Queues the typed message for the candidate through the outbox. */
    public void sendMessage() {
        CandidateItem item = selected.get();
        if (item == null || busy.get()) {
            return;
        }
        String text = messageText.get() == null ? "" : messageText.get().strip();
        if (text.isEmpty()) {
            messageTextError.set(i18n.tr("message.error.empty"));
            return;
        }
        busy.set(true);
        say("", false);
        tasks.run(() -> services.messaging().sendMessageToCandidate(item.id(), text, services.recruiterId()), key -> {
            busy.set(false);
            messageText.set("");
            say(i18n.tr("candidates.message.queued", item.row().name()), false);
            refreshTimeline();
        }, failure -> {
            busy.set(false);
            if (failure instanceof RuleViolation v && "text".equals(v.field())) {
                messageTextError.set(format.problem(v));
            } else {
                say(format.problem(failure), true);
            }
        });
    }

    // ---- new candidate ---------------------------------------------------------------------------------------

    public void showForm() {
        formShown.set(true);
    }

    public void hideForm() {
        formShown.set(false);
    }

    /** Creates the candidate from the form; problems show next to their fields. Selects the new candidate. */
    public void create() {
        if (creating.get()) {
            return;
        }
        String name = newName.get() == null ? "" : newName.get().strip();
        nameError.set(name.isEmpty() ? i18n.tr("candidate.error.name") : "");
        if (name.isEmpty()) {
            return;
        }
        creating.set(true);
        String zone = newZone.get();
        String user = newUsername.get();
        String phone = newPhone.get();
        tasks.run(() -> services.candidates().create(name, zone, user, phone), created -> {
            creating.set(false);
            onCreated(created);
        }, failure -> {
            creating.set(false);
            if (failure instanceof RuleViolation v) {
                String text = format.problem(v);
                switch (v.field()) {
                    case "name" -> nameError.set(text);
                    case "zone" -> zoneError.set(text);
                    case "username" -> usernameError.set(text);
                    case "phone" -> phoneError.set(text);
                    default -> say(text, true);
                }
            } else {
                say(format.problem(failure), true);
            }
        });
    }

    private void onCreated(Candidate created) {
        long id = created.getId();
        formShown.set(false);
        newName.set("");
        newUsername.set("");
        newPhone.set("");
        search.set("");
        say(i18n.tr("candidates.created", created.getName()), false);
        CandidateRow row = new CandidateRow(id, created.getName(), created.getUsername(), created.getPhone(), created.getZone().getId(),
                false, true, null, null, false);
        selected.set(item(row));
        refresh();
    }

    private void say(String text, boolean error) {
        message.say(text, error);
    }

    public void dismissMessage() {
        say("", false);
    }

    /** Detail lines of the selected candidate: contact, zone, Telegram state. */
    public String describe(CandidateItem item) {
        CandidateRow r = item.row();
        String tg = !r.hasChat() ? i18n.tr("candidates.telegram.none") : r.reachable() ? i18n.tr("candidates.telegram.ok") : i18n.tr("candidates.telegram.blocked");
        String contact = item.contact().isEmpty() ? i18n.tr("candidates.contact.none") : item.contact();
        return contact + "\n" + i18n.tr("candidates.zone", r.zone()) + "\n" + tg;
    }

    public ObservableList<CandidateItem> shown() {
        return shown;
    }

    /** Every candidate loaded, unfiltered. */
    public List<CandidateItem> all() {
        return List.copyOf(all);
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    public ObjectProperty<CandidateItem> selectedProperty() {
        return selected;
    }

    public ObservableList<TimelineLine> timeline() {
        return FXCollections.unmodifiableObservableList(timeline);
    }

    public ReadOnlyBooleanProperty timelineLoadingProperty() {
        return timelineLoading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.textProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return message.errorProperty();
    }

    /** The last invite link created (the view copies it to the clipboard). */
    public ReadOnlyStringProperty inviteLinkProperty() {
        return inviteLink.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public StringProperty messageTextProperty() {
        return messageText;
    }

    public ReadOnlyStringProperty messageTextErrorProperty() {
        return messageTextError.getReadOnlyProperty();
    }

    public BooleanProperty formShownProperty() {
        return formShown;
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public StringProperty newZoneProperty() {
        return newZone;
    }

    public StringProperty newUsernameProperty() {
        return newUsername;
    }

    public StringProperty newPhoneProperty() {
        return newPhone;
    }

    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty zoneErrorProperty() {
        return zoneError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty usernameErrorProperty() {
        return usernameError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty phoneErrorProperty() {
        return phoneError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty creatingProperty() {
        return creating.getReadOnlyProperty();
    }
}
