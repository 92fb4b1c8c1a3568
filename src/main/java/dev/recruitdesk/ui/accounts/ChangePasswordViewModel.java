package dev.recruitdesk.ui.accounts;

import dev.recruitdesk.accounts.AccountProblem;
import dev.recruitdesk.accounts.AccountService;
import dev.recruitdesk.accounts.Caller;
import dev.recruitdesk.ui.InlineErrors;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.TaskRunner;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The signed-in user changes their own password: the current one, the new one twice; refusals inline. */
public class ChangePasswordViewModel {

    private static final Logger log = LoggerFactory.getLogger(ChangePasswordViewModel.class);

    private final AccountService accounts;
    private final Caller caller;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final StringProperty current = new SimpleStringProperty("");
    private final StringProperty fresh = new SimpleStringProperty("");
    private final StringProperty confirm = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper();
    private final InlineErrors errors = new InlineErrors("currentPassword", "newPassword", "confirm", InlineErrors.FORM);

    public ChangePasswordViewModel(AccountService accounts, Caller caller, TaskRunner tasks, I18n i18n) {
        this.accounts = Objects.requireNonNull(accounts);
        this.caller = Objects.requireNonNull(caller);
        this.tasks = Objects.requireNonNull(tasks);
        this.i18n = Objects.requireNonNull(i18n);
    }

    public void save() {
        if (busy.get()) {
            return;
        }
        errors.clear();
        if (!fresh.get().equals(confirm.get())) {
            errors.set("confirm", i18n.tr("login.error.confirm"));
            return;
        }
        String old = current.get();
        String chosen = fresh.get();
        busy.set(true);
        tasks.run(() -> {
            accounts.changeOwnPassword(caller, old, chosen);
            return Boolean.TRUE;
        }, ok -> {
            busy.set(false);
            current.set("");
            fresh.set("");
            confirm.set("");
            done.set(true);
        }, failure -> {
            busy.set(false);
            if (failure instanceof AccountProblem p && errors.has(p.field())) {
                errors.set(p.field(), i18n.tr(p.messageKey(), p.args()));
            } else {
                log.warn("accounts.own-password-failed {}", failure.toString());
                errors.set(InlineErrors.FORM, failure instanceof AccountProblem p ? i18n.tr(p.messageKey(), p.args())
                        : i18n.tr("accounts.error.failed", String.valueOf(failure.getMessage())));
            }
        });
    }

    public StringProperty currentProperty() {
        return current;
    }

    public StringProperty newPasswordProperty() {
        return fresh;
    }

    public StringProperty confirmProperty() {
        return confirm;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Turns true once the password was changed: the dialog closes. */
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    /** The inline error of currentPassword, newPassword, confirm or form: empty when none. */
    public ReadOnlyStringProperty errorProperty(String field) {
        return errors.property(field);
    }
}
