package dev.recruitdesk.ui.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.MutableClock;
import dev.recruitdesk.accounts.AccountRow;
import dev.recruitdesk.accounts.AccountService;
import dev.recruitdesk.accounts.Caller;
import dev.recruitdesk.accounts.PasswordHasher;
import dev.recruitdesk.booking.RecruiterService;
import dev.recruitdesk.domain.Role;
import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.TestDatabases;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.TaskRunner;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Accounts screen's view model on a real H2 file, without a toolkit: forms, inline refusals, the audit viewer. */
class AccountsViewModelTest {

    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private AccountService accounts;
    private Caller admin;
    private AccountsViewModel model;

    @BeforeEach
    void setUp() {
        db = TestDatabases.h2(dir);
        new RecruiterService(db).ensureDefault("olga", ZoneId.of("UTC"));
        accounts = new AccountService(db, new MutableClock(NOW), new PasswordHasher(4));
        admin = accounts.createFirstAdmin("olga", "Olga Smirnova", "Europe/Moscow", "correct horse battery");
        model = new AccountsViewModel(accounts, admin, ZoneId.of("Europe/Moscow"), TaskRunner.direct(), new I18n(Locale.ENGLISH));
        model.refresh();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private void fillNew(String username, String password) {
        model.startNew();
        model.newUsernameProperty().set(username);
        model.newNameProperty().set("Anna Orlova");
        model.newPasswordProperty().set(password);
    }

    @Test
    void anAccountIsCreatedFromTheFormAndRefusalsShowNextToTheirField() {
        fillNew("OLGA", "anna-secret-42");
        model.create();
        assertThat(model.errorProperty("username").get()).isEqualTo("The username olga is taken.");
        assertThat(model.creatingProperty().get()).isTrue();

        model.newUsernameProperty().set("anna");
        model.newPasswordProperty().set("anna");
        model.create();
        assertThat(model.errorProperty("username").get()).isEmpty();
        assertThat(model.errorProperty("password").get()).isEqualTo("The password needs at least 10 characters.");

        model.newPasswordProperty().set("anna-secret-42");
        model.create();

        assertThat(model.creatingProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).isEqualTo("Account anna created.");
        assertThat(model.rows()).extracting(AccountRow::username).containsExactly("anna", "olga");
        assertThat(model.selectedProperty().get().username()).isEqualTo("anna");
        assertThat(model.selectedProperty().get().zone()).isEqualTo("Europe/Moscow");
        assertThat(model.newPasswordProperty().get()).isEmpty();
    }

    @Test
    void theSelectedAccountsRolePasswordLockAndAccessChange() {
        fillNew("anna", "anna-secret-42");
        model.create();

        model.roleChoiceProperty().set(Role.ADMIN);
        model.applyRole();
        assertThat(model.selectedProperty().get().role()).isEqualTo(Role.ADMIN);
        assertThat(model.messageProperty().get()).isEqualTo("anna is now: Admin.");

        model.resetPasswordProperty().set("short");
        model.resetPassword();
        assertThat(model.errorProperty("reset").get()).isEqualTo("The password needs at least 10 characters.");
        model.resetPasswordProperty().set("a new password for anna");
        model.resetPassword();
        assertThat(model.errorProperty("reset").get()).isEmpty();
        assertThat(model.resetPasswordProperty().get()).isEmpty();
        assertThat(accounts.login("anna", "a new password for anna")).isInstanceOf(dev.recruitdesk.accounts.LoginResult.SignedIn.class);

        for (int i = 0; i < AccountService.MAX_FAILURES; i++) {
            accounts.login("anna", "wrong " + i);
        }
        model.refresh();
        assertThat(model.stateText(model.selectedProperty().get())).isEqualTo("Locked until 12:15");
        model.unlock();
        assertThat(model.selectedProperty().get().locked()).isFalse();

        model.toggleActive();
        assertThat(model.selectedProperty().get().active()).isFalse();
        assertThat(model.stateText(model.selectedProperty().get())).isEqualTo("Deactivated");
        model.toggleActive();
        assertThat(model.selectedProperty().get().active()).isTrue();
    }

    @Test
    void theLastAdminGuardShowsAtTheRoleField() {
        model.selectedProperty().set(model.rows().get(0));
        assertThat(model.isSelf(model.selectedProperty().get())).isTrue();

        model.roleChoiceProperty().set(Role.RECRUITER);
        model.applyRole();

        assertThat(model.errorProperty("role").get()).isEqualTo("This is the last active admin: make another admin first.");
        model.toggleActive();
        assertThat(model.errorProperty("active").get()).isEqualTo("This is the last active admin: make another admin first.");
    }

    @Test
    void theAuditShowsWhoDidWhatWithBeforeAndAfterAndFilters() {
        fillNew("anna", "anna-secret-42");
        model.create();
        model.roleChoiceProperty().set(Role.ADMIN);
        model.applyRole();

        model.searchAudit();

        assertThat(model.auditLines()).extracting(AccountsViewModel.AuditLine::action)
                .containsExactly("account.role", "account.create", "account.firstAdmin");
        AccountsViewModel.AuditLine role = model.auditLines().get(0);
        assertThat(role.who()).isEqualTo("Olga Smirnova");
        assertThat(role.change()).isEqualTo("role=RECRUITER → role=ADMIN");
        assertThat(role.when()).isEqualTo("2 Dec 2026 12:00");
        assertThat(role.entity()).startsWith("account #");
        assertThat(model.auditPageTextProperty().get()).isEqualTo("Page 1 of 1 · 3 entries");

        model.actionFilterProperty().set("create");
        model.searchAudit();
        assertThat(model.auditLines()).extracting(AccountsViewModel.AuditLine::action).containsExactly("account.create");

        model.actionFilterProperty().set("");
        model.fromDateProperty().set(LocalDate.of(2026, 12, 3));
        model.searchAudit();
        assertThat(model.auditLines()).isEmpty();
    }

    @Test
    void aUserChangesTheirOwnPasswordWithTheCurrentOne() {
        ChangePasswordViewModel own = new ChangePasswordViewModel(accounts, admin, TaskRunner.direct(), new I18n(Locale.ENGLISH));
        own.currentProperty().set("not it at all");
        own.newPasswordProperty().set("a fresh long password");
        own.confirmProperty().set("a fresh long passwor");
        own.save();
        assertThat(own.errorProperty("confirm").get()).isEqualTo("The two passwords differ.");

        own.confirmProperty().set("a fresh long password");
        own.save();
        assertThat(own.errorProperty("currentPassword").get()).isEqualTo("The current password is wrong.");
        assertThat(own.doneProperty().get()).isFalse();

        own.currentProperty().set("correct horse battery");
        own.save();

        assertThat(own.doneProperty().get()).isTrue();
        assertThat(own.currentProperty().get()).isEmpty();
        assertThat(accounts.login("olga", "a fresh long password")).isInstanceOf(dev.recruitdesk.accounts.LoginResult.SignedIn.class);
    }
}
