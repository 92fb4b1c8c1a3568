package dev.recruitdesk.ui.delivery;

import dev.recruitdesk.delivery.DeliveryHealth;
import dev.recruitdesk.delivery.DeliveryOps;
import dev.recruitdesk.delivery.MessageQuery;
import dev.recruitdesk.domain.DeliveryAttempt;
import dev.recruitdesk.domain.OutboxMessage;
import dev.recruitdesk.domain.OutboxStatus;
import dev.recruitdesk.ui.AdminServices;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.TaskRunner;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State and commands of the Delivery screen: one page of outbox messages with filters and search, the selected
 * message's ledger, resend and cancel with a submit lock, and the health strip. {@link #refresh()} loads everything
 * in one background task and is safe to call on a timer (a refresh still in flight makes it a no-op).
 */
public class DeliveryViewModel {

    public static final int PAGE_SIZE = 50;
    private static final Logger log = LoggerFactory.getLogger(DeliveryViewModel.class);

    /** One message as the table shows it. */
    public record MessageRow(long id, OutboxStatus status, String kind, String recipient, Instant due, Instant sent,
                             int attempts, String lastError, String text, String dedupKey) {
        public boolean resendable() {
            return status.isResendable();
        }

        public boolean cancellable() {
            return status == OutboxStatus.PENDING;
        }
    }

    /** One ledger entry. */
    public record AttemptRow(int number, Instant at, String outcome, String error, long latencyMs, Long telegramMessageId) {
    }

    /** The health strip's figures; {@code tone} is ok, warn or bad for each. */
    public record Health(String bot, String botTone, String lease, long queueDepth, long sentLastMinute, long waitingRetry,
                         String pausedUntil, long duplicates24h, long unreachable, long ambiguous) {
    }

    private record Snapshot(List<MessageRow> rows, long total, List<String> kinds, Health health, List<AttemptRow> attempts) {
    }

    private final AdminServices admin;
    private final DeliveryOps ops;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final DateTimeFormatter timeFormat;
    private final ZoneId zone;

    private final ObjectProperty<OutboxStatus> statusFilter = new SimpleObjectProperty<>();
    private final StringProperty kindFilter = new SimpleStringProperty();
    private final StringProperty search = new SimpleStringProperty("");
    private final IntegerProperty page = new SimpleIntegerProperty(0);
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper pageLabel = new ReadOnlyStringWrapper("");
    private final ObservableList<MessageRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> kinds = FXCollections.observableArrayList();
    private final ObjectProperty<MessageRow> selected = new SimpleObjectProperty<>();
    private final ObservableList<AttemptRow> attempts = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Health> health = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private boolean inFlight;
    private boolean again;

    public DeliveryViewModel(AdminServices admin, ZoneId zone, TaskRunner tasks, I18n i18n) {
        this.admin = admin;
        this.ops = admin.delivery();
        this.tasks = tasks;
        this.i18n = i18n;
        this.zone = zone;
        this.timeFormat = DateTimeFormatter.ofPattern("d MMM HH:mm", i18n.locale());
        statusFilter.addListener((o, a, b) -> firstPage());
        kindFilter.addListener((o, a, b) -> firstPage());
        search.addListener((o, a, b) -> firstPage());
        selected.addListener((o, a, b) -> {
            if (b == null) {
                attempts.clear();
            } else if (a == null || a.id() != b.id()) {
                message.set("");
                loadAttempts(b.id());
            }
        });
    }

    // ---- loading ----------------------------------------------------------------------------------------------

    /** Reloads the page, the filter choices, the health strip and the selected message's ledger. */
    public void refresh() {
        if (inFlight) {
            again = true;
            return;
        }
        inFlight = true;
        loading.set(true);
        MessageQuery query = query();
        Long selectedId = selected.get() == null ? null : selected.get().id();
        tasks.run(() -> load(query, selectedId), this::show, failure -> {
            log.warn("delivery.load.failed", failure);
            error.set(i18n.tr("delivery.loadFailed", String.valueOf(failure.getMessage())));
            done();
        });
    }

    private Snapshot load(MessageQuery query, Long selectedId) {
        List<OutboxMessage> page = ops.list(query);
        Set<Long> candidates = page.stream().map(OutboxMessage::getCandidateId).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<Long, String> names = ops.candidateNames(candidates);
        List<MessageRow> list = page.stream().map(m -> new MessageRow(m.getId(), m.getStatus(), m.getKind(),
                m.getCandidateId() != null && names.containsKey(m.getCandidateId()) ? names.get(m.getCandidateId())
                        : i18n.tr("delivery.chat", String.valueOf(m.getChatId())),
                m.getDueAt(), m.getSentAt(), m.getAttempts(), m.getLastError(), m.getText(), m.getDedupKey())).toList();
        List<AttemptRow> ledger = selectedId == null ? List.of() : attemptsOf(selectedId);
        return new Snapshot(list, ops.count(query), ops.kinds(), health(), ledger);
    }

    private Health health() {
        DeliveryHealth h = admin.status().health();
        ServiceStatus.BotState bot = admin.status().botState();
        String tone = switch (bot) {
            case OK -> "ok";
            case SANDBOX -> "warn";
            case BAD_TOKEN, CONFLICT, NO_SECRETS_KEY -> "bad";
        };
        String holder = admin.status().leaseHolder();
        String lease = holder == null ? i18n.tr("delivery.health.noLease")
                : ServiceStatus.THIS_CONSOLE.equals(holder) ? i18n.tr("delivery.health.thisConsole") : holder;
        boolean paused = h != null && h.pausedUntil() != null;
        return new Health(i18n.tr("delivery.bot." + bot.name().toLowerCase()), tone, lease,
                h == null ? 0 : h.queueDepth(), h == null ? 0 : h.sentLastMinute(), paused ? h.dueNow() : 0,
                paused ? timeFormat.format(h.pausedUntil().atZone(zone)) : "", ops.duplicatesLast24h(), ops.unreachableCandidates(),
                h == null ? 0 : h.ambiguous());
    }

    private List<AttemptRow> attemptsOf(long messageId) {
        return ops.attempts(messageId).stream().map(a -> new AttemptRow(a.getAttemptNo(), a.getStartedAt(), a.getOutcome().name(),
                a.getError(), a.getLatencyMs(), a.getTelegramMessageId())).toList();
    }

    private void show(Snapshot s) {
        Long selectedId = selected.get() == null ? null : selected.get().id();
        rows.setAll(s.rows());
        total.set(s.total());
        if (!kinds.equals(s.kinds())) {
            kinds.setAll(s.kinds());
        }
        health.set(s.health());
        error.set("");
        updatePageLabel();
        if (selectedId != null) {
            s.rows().stream().filter(r -> r.id() == selectedId).findFirst().ifPresent(r -> {
                selected.set(r);
                attempts.setAll(s.attempts());
            });
        }
        done();
    }

    private void done() {
        inFlight = false;
        loading.set(false);
        if (again) {
            again = false;
            refresh();
        }
    }

    private void loadAttempts(long messageId) {
        tasks.run(() -> attemptsOf(messageId), list -> {
            if (selected.get() != null && selected.get().id() == messageId) {
                attempts.setAll(list);
            }
        }, failure -> error.set(i18n.tr("delivery.loadFailed", String.valueOf(failure.getMessage()))));
    }

    private MessageQuery query() {
        Set<OutboxStatus> states = statusFilter.get() == null ? Set.of() : EnumSet.of(statusFilter.get());
        String kind = kindFilter.get() == null || kindFilter.get().isBlank() ? null : kindFilter.get();
        return MessageQuery.all().withStatuses(states).withKind(kind).withText(search.get())
                .page(page.get() * PAGE_SIZE, PAGE_SIZE);
    }

    private void updatePageLabel() {
        long count = total.get();
        long from = count == 0 ? 0 : (long) page.get() * PAGE_SIZE + 1;
        long to = Math.min(count, (long) (page.get() + 1) * PAGE_SIZE);
        pageLabel.set(i18n.tr("delivery.page", from, to, count));
    }

    // ---- paging -----------------------------------------------------------------------------------------------

    private void firstPage() {
        page.set(0);
        refresh();
    }

    public void nextPage() {
        if ((long) (page.get() + 1) * PAGE_SIZE < total.get()) {
            page.set(page.get() + 1);
            refresh();
        }
    }

    public void previousPage() {
        if (page.get() > 0) {
            page.set(page.get() - 1);
            refresh();
        }
    }

    // ---- commands ---------------------------------------------------------------------------------------------

    /** Queues the selected FAILED, AMBIGUOUS or EXPIRED message once more, recorded with the console user. */
    public void resend() {
        MessageRow row = selected.get();
        if (row == null || !row.resendable() || busy.get()) {
            return;
        }
        act(row, () -> ops.resend(row.id(), admin.consoleUser()), "delivery.resent", "delivery.resendRefused");
    }

    /** Withdraws the selected PENDING message. */
    public void cancel() {
        MessageRow row = selected.get();
        if (row == null || !row.cancellable() || busy.get()) {
            return;
        }
        act(row, () -> ops.cancel(row.id(), admin.consoleUser()), "delivery.cancelled", "delivery.cancelRefused");
    }

    private void act(MessageRow row, java.util.concurrent.Callable<Boolean> work, String okKey, String refusedKey) {
        busy.set(true);
        message.set("");
        tasks.run(work, ok -> {
            busy.set(false);
            message.set(i18n.tr(ok ? okKey : refusedKey, row.id()));
            refresh();
        }, failure -> {
            busy.set(false);
            message.set(i18n.tr("delivery.actionFailed", String.valueOf(failure.getMessage())));
        });
    }

    // ---- formatting -------------------------------------------------------------------------------------------

    public String time(Instant t) {
        return t == null ? "" : timeFormat.format(t.atZone(zone));
    }

    public String statusText(OutboxStatus s) {
        return i18n.tr("delivery.status." + s.name().toLowerCase());
    }

    // ---- properties -------------------------------------------------------------------------------------------

    public ObjectProperty<OutboxStatus> statusFilterProperty() {
        return statusFilter;
    }

    public StringProperty kindFilterProperty() {
        return kindFilter;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObservableList<MessageRow> rows() {
        return rows;
    }

    public ObservableList<String> kinds() {
        return kinds;
    }

    public ObjectProperty<MessageRow> selectedProperty() {
        return selected;
    }

    public ObservableList<AttemptRow> attempts() {
        return attempts;
    }

    public ReadOnlyObjectProperty<Health> healthProperty() {
        return health.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pageLabelProperty() {
        return pageLabel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanBinding canResendProperty() {
        return Bindings.createBooleanBinding(() -> !busy.get() && selected.get() != null && selected.get().resendable(), busy, selected);
    }

    public BooleanBinding canCancelProperty() {
        return Bindings.createBooleanBinding(() -> !busy.get() && selected.get() != null && selected.get().cancellable(), busy, selected);
    }

    public IntegerProperty pageProperty() {
        return page;
    }
}
