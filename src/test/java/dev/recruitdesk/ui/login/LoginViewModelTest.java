package dev.recruitdesk.ui.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.MutableClock;
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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The login's view model on a real H2 file, without a toolkit: which form shows, refusals inline, the signed-in caller. */
class LoginViewModelTest {

    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private AccountService accounts;
    private final List<Caller> signedIn = new ArrayList<>();
    private LoginViewModel model;

    @BeforeEach
    void setUp() {
        db = TestDatabases.h2(dir);
        new RecruiterService(db).ensureDefault("olga", ZoneId.of("UTC"));
        accounts = new AccountService(db, new MutableClock(NOW), new PasswordHasher(4));
        model = new LoginViewModel(accounts, TaskRunner.direct(), new I18n(Locale.ENGLISH), ZoneId.of("Europe/Moscow"), signedIn::add);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void withoutAccountsTheFirstAdminFormShowsAndRefusalsShowNextToTheirField() {
        model.check();
        assertThat(model.modeProperty().get()).isEqualTo(LoginViewModel.Mode.FIRST_ADMIN);
        assertThat(model.zoneProperty().get()).isEqualTo("Europe/Moscow");

        model.usernameProperty().set("olga");
        model.nameProperty().set("Olga Smirnova");
        model.passwordProperty().set("correct horse battery");
        model.confirmProperty().set("correct horse batter");
        model.submit();
        assertThat(model.errorProperty("confirm").get()).isEqualTo("The two passwords differ.");

        model.passwordProperty().set("olga");
        model.confirmProperty().set("olga");
        model.submit();
        assertThat(model.errorProperty("confirm").get()).isEmpty();
        assertThat(model.errorProperty("password").get()).isEqualTo("The password needs at least 10 characters.");

        model.zoneProperty().set("Mars/Olympus");
        model.passwordProperty().set("correct horse battery");
        model.confirmProperty().set("correct horse battery");
        model.submit();
        assertThat(model.errorProperty("zone").get()).startsWith("Unknown time zone Mars/Olympus");
        assertThat(signedIn).isEmpty();

        model.zoneProperty().set("Europe/Moscow");
        model.submit();
        assertThat(signedIn).singleElement().satisfies(c -> {
            assertThat(c.role()).isEqualTo(Role.ADMIN);
            assertThat(c.name()).isEqualTo("Olga Smirnova");
        });
        assertThat(model.passwordProperty().get()).isEmpty();
    }

    @Test
    void wrongPasswordsSayTheSameAsUnknownUsersUntilTheLockSaysUntilWhenInTheUsersZone() {
        Caller admin = accounts.createFirstAdmin("olga", "Olga", "UTC", "correct horse battery");
        accounts.create(admin, "anna", "Anna", Role.RECRUITER, "Asia/Novosibirsk", "anna-secret-42");
        model.check();
        assertThat(model.modeProperty().get()).isEqualTo(LoginViewModel.Mode.LOGIN);

        model.submit();
        assertThat(model.errorProperty("form").get()).isEqualTo("Enter your username and password.");
        model.usernameProperty().set("nobody");
        model.passwordProperty().set("anna-secret-42");
        model.submit();
        String unknown = model.errorProperty("form").get();
        assertThat(model.passwordProperty().get()).as("a refused password is cleared").isEmpty();
        model.usernameProperty().set("anna");
        for (int i = 1; i < AccountService.MAX_FAILURES; i++) {
            model.passwordProperty().set("wrong " + i);
            model.submit();
            assertThat(model.errorProperty("form").get()).isEqualTo(unknown).isEqualTo("Wrong username or password.");
        }
        model.passwordProperty().set("wrong 5");
        model.submit();

        assertThat(model.errorProperty("form").get())
                .isEqualTo("Too many wrong passwords: the account is locked until 16:15 (Asia/Novosibirsk). An admin can unlock it sooner.");
        assertThat(signedIn).isEmpty();
    }

    @Test
    void theRightPasswordSignsIn() {
        Caller admin = accounts.createFirstAdmin("olga", "Olga", "UTC", "correct horse battery");
        accounts.create(admin, "anna", "Anna Orlova", Role.RECRUITER, "UTC", "anna-secret-42");
        model.check();

        model.usernameProperty().set("Anna");
        model.passwordProperty().set("anna-secret-42");
        model.submit();

        assertThat(signedIn).singleElement().satisfies(c -> {
            assertThat(c.role()).isEqualTo(Role.RECRUITER);
            assertThat(c.name()).isEqualTo("Anna Orlova");
        });
        assertThat(model.errorProperty("form").get()).isEmpty();
    }

    @Test
    void whenAnotherConsoleCreatedTheFirstAdminMeanwhileTheLoginShows() {
        model.check();
        accounts.createFirstAdmin("boris", "Boris", "UTC", "borises long password");

        model.usernameProperty().set("olga");
        model.nameProperty().set("Olga");
        model.passwordProperty().set("correct horse battery");
        model.confirmProperty().set("correct horse battery");
        model.submit();

        assertThat(model.modeProperty().get()).isEqualTo(LoginViewModel.Mode.LOGIN);
        assertThat(model.errorProperty("form").get()).isEqualTo("An admin already exists: sign in instead.");
        assertThat(signedIn).isEmpty();
    }
}
