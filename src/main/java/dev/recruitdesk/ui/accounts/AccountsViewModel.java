package dev.recruitdesk.ui.accounts;

import dev.recruitdesk.accounts.AccessDenied;
import dev.recruitdesk.accounts.AccountProblem;
import dev.recruitdesk.accounts.AccountRow;
import dev.recruitdesk.accounts.AccountService;
import dev.recruitdesk.accounts.AuditFilter;
import dev.recruitdesk.accounts.AuditPage;
import dev.recruitdesk.accounts.Caller;
import dev.recruitdesk.domain.AuditEntry;
import dev.recruitdesk.domain.Role;
import dev.recruitdesk.ui.InlineErrors;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.TaskRunner;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
 * State and commands of the Accounts screen (admins, team mode): the accounts table, the new-account form, the
 * selected account's actions (role, password reset, unlock, deactivate), and the audit viewer with its filter and
 * pages. Every command runs off the UI thread; a refused one shows inline next to its field.
 */
public class AccountsViewModel {

    public static final int AUDIT_PAGE_SIZE = 50;
    private static final Logger log = LoggerFactory.getLogger(AccountsViewModel.class);
    private static final String[] FIELDS = {"username", "name", "zone", "password", "role", "active", "reset", "form"};

    /** One audit entry as the table shows it. */
    public record AuditLine(long id, String when, String who, String action, String entity, String change) {
    }

    private final AccountService accounts;
    private final Caller caller;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final ZoneId zone;
    private final DateTimeFormatter timeFormat;

    private final ObservableList<AccountRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<AccountRow> selected = new SimpleObjectProperty<>();
    private final BooleanProperty creating = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final InlineErrors errors = new InlineErrors(FIELDS);

    private final StringProperty newUsername = new SimpleStringProperty("");
    private final StringProperty newName = new SimpleStringProperty("");
    private final ObjectProperty<Role> newRole = new SimpleObjectProperty<>(Role.RECRUITER);
    private final StringProperty newZone;
    private final StringProperty newPassword = new SimpleStringProperty("");
    private final ObjectProperty<Role> roleChoice = new SimpleObjectProperty<>();
    private final StringProperty resetPassword = new SimpleStringProperty("");

    private final ObservableList<AuditLine> auditLines = FXCollections.observableArrayList();
    private final StringProperty actorFilter = new SimpleStringProperty("");
    private final StringProperty entityFilter = new SimpleStringProperty("");
    private final StringProperty actionFilter = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> fromDate = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> toDate = new SimpleObjectProperty<>();
    private final ReadOnlyIntegerWrapper auditPage = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper auditPages = new ReadOnlyIntegerWrapper(1);
    private final ReadOnlyStringWrapper auditPageText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper auditError = new ReadOnlyStringWrapper("");

    /** @param zone the zone every time is shown in: the signed-in admin's */
    public AccountsViewModel(AccountService accounts, Caller caller, ZoneId zone, TaskRunner tasks, I18n i18n) {
        this.accounts = Objects.requireNonNull(accounts);
        this.caller = Objects.requireNonNull(caller);
        this.tasks = Objects.requireNonNull(tasks);
        this.i18n = Objects.requireNonNull(i18n);
        this.zone = Objects.requireNonNull(zone);
        this.timeFormat = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", i18n.locale()).withZone(zone);
        this.newZone = new SimpleStringProperty(zone.getId());
        selected.addListener((o, old, now) -> {
            roleChoice.set(now == null ? null : now.role());
            resetPassword.set("");
            clearErrors();
            if (now != null) {
                creating.set(false);
            }
        });
    }

    /** Reloads the accounts, keeping the selection on the same account. */
    public void refresh() {
        Long keep = selected.get() == null ? null : selected.get().id();
        run(() -> accounts.list(caller), list -> {
            rows.setAll(list);
            selected.set(keep == null ? null : list.stream().filter(r -> r.id() == keep).findFirst().orElse(null));
        });
    }

    /** Opens the empty new-account form. */
    public void startNew() {
        selected.set(null);
        newUsername.set("");
        newName.set("");
        newRole.set(Role.RECRUITER);
        newZone.set(zone.getId());
        newPassword.set("");
        clearErrors();
        message.set("");
        creating.set(true);
    }

    public void cancelNew() {
        creating.set(false);
        clearErrors();
    }

    /** Creates the account the form describes; on success it is selected and the form closes. */
    public void create() {
        String user = newUsername.get();
        String who = newName.get();
        Role role = newRole.get();
        String where = newZone.get();
        String secret = newPassword.get();
        run(() -> accounts.create(caller, user, who, role, where, secret), created -> {
            newPassword.set("");
            creating.set(false);
            message.set(i18n.tr("accounts.done.created", created.username()));
            reloadSelecting(created.id());
        });
    }

    /** Gives the selected account the role chosen in the role box. */
    public void applyRole() {
        AccountRow row = selected.get();
        Role role = roleChoice.get();
        if (row == null || role == null || role == row.role()) {
            return;
        }
        run(() -> accounts.changeRole(caller, row.id(), role), done(i18n.tr("accounts.done.role", row.username(), roleName(role))));
    }

    /** Sets the password typed in the reset field for the selected account. */
    public void resetPassword() {
        AccountRow row = selected.get();
        if (row == null) {
            return;
        }
        String secret = resetPassword.get();
        run(() -> accounts.resetPassword(caller, row.id(), secret), changed -> {
            resetPassword.set("");
            done(i18n.tr("accounts.done.reset", row.username())).accept(changed);
        });
    }

    public void unlock() {
        AccountRow row = selected.get();
        if (row != null) {
            run(() -> accounts.unlock(caller, row.id()), done(i18n.tr("accounts.done.unlocked", row.username())));
        }
    }

    /** Deactivates the selected account, or reactivates it when it is deactivated. */
    public void toggleActive() {
        AccountRow row = selected.get();
        if (row != null) {
            boolean active = !row.active();
            run(() -> accounts.setActive(caller, row.id(), active),
                    done(i18n.tr(active ? "accounts.done.reactivated" : "accounts.done.deactivated", row.username())));
        }
    }

    private java.util.function.Consumer<AccountRow> done(String text) {
        return changed -> {
            message.set(text);
            reloadSelecting(changed.id());
        };
    }

    private void reloadSelecting(long id) {
        run(() -> accounts.list(caller), list -> {
            rows.setAll(list);
            selected.set(list.stream().filter(r -> r.id() == id).findFirst().orElse(null));
        });
    }

    private <T> void run(Callable<T> work, java.util.function.Consumer<T> onSuccess) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        clearErrors();
        tasks.run(work, result -> {
            busy.set(false);
            onSuccess.accept(result);
        }, failure -> {
            busy.set(false);
            showFailure(failure);
        });
    }

    private void showFailure(Throwable failure) {
        message.set("");
        if (failure instanceof AccountProblem p) {
            String field = errors.fieldOrForm(p.field());
            // the reset form's password field is "password" to the service
            if ("password".equals(field) && !creating.get()) {
                field = "reset";
            }
            errors.set(field, i18n.tr(p.messageKey(), p.args()));
        } else if (failure instanceof AccessDenied d) {
            errors.set(InlineErrors.FORM, i18n.tr(d.messageKey(), d.args()));
        } else {
            log.warn("accounts.action-failed {}", failure.toString());
            errors.set(InlineErrors.FORM, i18n.tr("accounts.error.failed", String.valueOf(failure.getMessage())));
        }
    }

    private void clearErrors() {
        errors.clear();
    }

    /** Shows the first page of entries matching the filter. */
    public void searchAudit() {
        loadAudit(0);
    }

    public void nextAuditPage() {
        if (auditPage.get() + 1 < auditPages.get()) {
            loadAudit(auditPage.get() + 1);
        }
    }

    public void previousAuditPage() {
        if (auditPage.get() > 0) {
            loadAudit(auditPage.get() - 1);
        }
    }

    private void loadAudit(int page) {
        Instant from = fromDate.get() == null ? null : fromDate.get().atStartOfDay(zone).toInstant();
        Instant to = toDate.get() == null ? null : toDate.get().plusDays(1).atStartOfDay(zone).toInstant();
        AuditFilter filter = new AuditFilter(actorFilter.get(), entityFilter.get(), actionFilter.get(), from, to);
        auditError.set("");
        tasks.run(() -> accounts.audit(caller, filter, page, AUDIT_PAGE_SIZE), this::showAudit, failure -> {
            log.warn("accounts.audit-failed {}", failure.toString());
            auditError.set(failure instanceof AccessDenied d ? i18n.tr(d.messageKey(), d.args())
                    : i18n.tr("accounts.error.failed", String.valueOf(failure.getMessage())));
        });
    }

    private void showAudit(AuditPage page) {
        List<AuditLine> lines = page.entries().stream().map(this::line).toList();
        auditLines.setAll(lines);
        auditPage.set(page.page());
        auditPages.set(page.pages());
        auditPageText.set(i18n.tr("accounts.audit.page", page.page() + 1, page.pages(), page.total()));
    }

    private AuditLine line(AuditEntry e) {
        String change;
        if (e.getBefore() != null && e.getAfter() != null) {
            change = e.getBefore() + " → " + e.getAfter();
        } else {
            change = Objects.requireNonNullElse(e.getAfter(), Objects.requireNonNullElse(e.getBefore(), ""));
        }
        String entity = e.getEntityId() == null ? e.getEntity() : e.getEntity() + " #" + e.getEntityId();
        return new AuditLine(e.getId(), timeFormat.format(e.getAt()), e.getActorName(), e.getAction(), entity, change);
    }

    /** "Admin" or "Recruiter" in the user's language. */
    public String roleName(Role role) {
        return role == null ? "" : i18n.tr("accounts.role." + role.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** The account's state for the table: active, locked until …, or deactivated. */
    public String stateText(AccountRow row) {
        if (!row.active()) {
            return i18n.tr("accounts.state.inactive");
        }
        if (row.locked()) {
            return i18n.tr("accounts.state.locked", DateTimeFormatter.ofPattern("HH:mm", i18n.locale()).withZone(zone).format(row.lockedUntil()));
        }
        return i18n.tr("accounts.state.active");
    }

    public String timeText(Instant at) {
        return at == null ? "—" : timeFormat.format(at);
    }

    public ObservableList<AccountRow> rows() {
        return rows;
    }

    public ObjectProperty<AccountRow> selectedProperty() {
        return selected;
    }

    public BooleanProperty creatingProperty() {
        return creating;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the last command did, e.g. "anna can log in again". */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The inline error of a field (username, name, zone, password, role, active, reset) or the form: empty when none. */
    public ReadOnlyStringProperty errorProperty(String field) {
        return errors.property(field);
    }

    public StringProperty newUsernameProperty() {
        return newUsername;
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public ObjectProperty<Role> newRoleProperty() {
        return newRole;
    }

    public StringProperty newZoneProperty() {
        return newZone;
    }

    public StringProperty newPasswordProperty() {
        return newPassword;
    }

    public ObjectProperty<Role> roleChoiceProperty() {
        return roleChoice;
    }

    public StringProperty resetPasswordProperty() {
        return resetPassword;
    }

    /** True when the selected account is the signed-in admin's own. */
    public boolean isSelf(AccountRow row) {
        return row != null && caller.accountId() != null && row.id() == caller.accountId();
    }

    public ObservableList<AuditLine> auditLines() {
        return auditLines;
    }

    public StringProperty actorFilterProperty() {
        return actorFilter;
    }

    public StringProperty entityFilterProperty() {
        return entityFilter;
    }

    public StringProperty actionFilterProperty() {
        return actionFilter;
    }

    public ObjectProperty<LocalDate> fromDateProperty() {
        return fromDate;
    }

    public ObjectProperty<LocalDate> toDateProperty() {
        return toDate;
    }

    public ReadOnlyIntegerProperty auditPageProperty() {
        return auditPage.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty auditPagesProperty() {
        return auditPages.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty auditPageTextProperty() {
        return auditPageText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty auditErrorProperty() {
        return auditError.getReadOnlyProperty();
    }
}
