package dev.recruitdesk.ui.login;

import dev.recruitdesk.accounts.AccountProblem;
import dev.recruitdesk.accounts.AccountService;
import dev.recruitdesk.accounts.Caller;
import dev.recruitdesk.accounts.LoginResult;
import dev.recruitdesk.ui.InlineErrors;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.TaskRunner;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The team-mode login: asks the database whether an account exists yet, then either signs a user in (with the
 * lock-out's message when locked) or creates the first admin. Hands the signed-in {@link Caller} on once.
 */
public class LoginViewModel {

    /** Which form shows: none while the database is asked, then the login or the first admin's form. */
    public enum Mode {
        CHECKING, LOGIN, FIRST_ADMIN
    }

    private static final Logger log = LoggerFactory.getLogger(LoginViewModel.class);
    private static final String[] FIELDS = {"username", "name", "zone", "password", "confirm", "form"};

    private final AccountService accounts;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final Consumer<Caller> onSignedIn;
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.CHECKING);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty zone;
    private final StringProperty confirm = new SimpleStringProperty("");
    private final InlineErrors errors = new InlineErrors(FIELDS);

    /**
     * @param defaultZone the first admin's zone until they type another (the computer's)
     * @param onSignedIn  called on the UI thread once a user signed in or the first admin was created
     */
    public LoginViewModel(AccountService accounts, TaskRunner tasks, I18n i18n, ZoneId defaultZone, Consumer<Caller> onSignedIn) {
        this.accounts = Objects.requireNonNull(accounts);
        this.tasks = Objects.requireNonNull(tasks);
        this.i18n = Objects.requireNonNull(i18n);
        this.onSignedIn = Objects.requireNonNull(onSignedIn);
        this.zone = new SimpleStringProperty(defaultZone.getId());
    }

    /** Asks whether the first admin must be created; the form shows once the answer is in. */
    public void check() {
        busy.set(true);
        tasks.run(accounts::needsFirstAdmin, first -> {
            busy.set(false);
            mode.set(first ? Mode.FIRST_ADMIN : Mode.LOGIN);
        }, failure -> {
            busy.set(false);
            mode.set(Mode.LOGIN);
            fail(failure);
        });
    }

    /** Logs in or creates the first admin, whichever form shows; Enter in any field does the same. */
    public void submit() {
        if (busy.get() || mode.get() == Mode.CHECKING) {
            return;
        }
        errors.clear();
        if (mode.get() == Mode.LOGIN) {
            login();
        } else {
            createFirstAdmin();
        }
    }

    private void login() {
        if (username.get().isBlank() || password.get().isEmpty()) {
            errors.set(InlineErrors.FORM, i18n.tr("login.error.empty"));
            return;
        }
        String user = username.get();
        String secret = password.get();
        busy.set(true);
        tasks.run(() -> accounts.login(user, secret), result -> {
            busy.set(false);
            if (result instanceof LoginResult.SignedIn in) {
                password.set("");
                onSignedIn.accept(in.caller());
            } else {
                password.set("");
                errors.set(InlineErrors.FORM, refusal((LoginResult.Refused) result));
            }
        }, failure -> {
            busy.set(false);
            fail(failure);
        });
    }

    private String refusal(LoginResult.Refused refused) {
        return switch (refused.reason()) {
            case BAD_CREDENTIALS -> i18n.tr("login.error.credentials");
            case INACTIVE -> i18n.tr("login.error.inactive");
            case LOCKED -> i18n.tr("login.error.locked", lockEnd(refused.lockedUntil(), refused.zone()));
        };
    }

    /** "14:35 (Europe/Moscow)": the lock's end in the account owner's zone. */
    String lockEnd(Instant until, ZoneId in) {
        return DateTimeFormatter.ofPattern("HH:mm", i18n.locale()).withZone(in).format(until) + " (" + in.getId() + ")";
    }

    private void createFirstAdmin() {
        if (!password.get().equals(confirm.get())) {
            errors.set("confirm", i18n.tr("login.error.confirm"));
            return;
        }
        String user = username.get();
        String who = name.get();
        String where = zone.get();
        String secret = password.get();
        busy.set(true);
        tasks.run(() -> accounts.createFirstAdmin(user, who, where, secret), caller -> {
            busy.set(false);
            password.set("");
            confirm.set("");
            onSignedIn.accept(caller);
        }, failure -> {
            busy.set(false);
            fail(failure);
        });
    }

    private void fail(Throwable failure) {
        if (failure instanceof AccountProblem p) {
            if ("accounts.error.firstAdminExists".equals(p.messageKey())) {
                // another console created the first admin meanwhile: this one signs in like any other
                mode.set(Mode.LOGIN);
            }
            String field = errors.fieldOrForm(p.field());
            errors.set(field, i18n.tr(p.messageKey(), p.args()));
            return;
        }
        log.warn("login.failed-to-ask {}", failure.toString());
        errors.set(InlineErrors.FORM, i18n.tr("login.error.database", String.valueOf(failure.getMessage())));
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty zoneProperty() {
        return zone;
    }

    public StringProperty confirmProperty() {
        return confirm;
    }

    /** The inline error of {@code field} (username, name, zone, password, confirm, or form): empty when none. */
    public ReadOnlyStringProperty errorProperty(String field) {
        return errors.property(field);
    }
}
