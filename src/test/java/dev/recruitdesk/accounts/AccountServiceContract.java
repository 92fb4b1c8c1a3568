package dev.recruitdesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recruitdesk.MutableClock;
import dev.recruitdesk.booking.RecruiterService;
import dev.recruitdesk.domain.Account;
import dev.recruitdesk.domain.AuditEntry;
import dev.recruitdesk.domain.Recruiter;
import dev.recruitdesk.domain.Role;
import dev.recruitdesk.store.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.io.TempDir;

/** The account use cases on a real database; run on the embedded H2 file and on PostgreSQL by the two subclasses. */
abstract class AccountServiceContract {

    static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");
    static final String ADMIN_PASSWORD = "correct horse battery";
    static final String ANNA_PASSWORD = "anna-secret-42";

    @TempDir
    Path dir;
    Database db;
    MutableClock clock;
    AccountService accounts;
    long defaultRecruiter;

    abstract Database open(Path dir);

    @BeforeEach
    void setUp() {
        db = open(dir);
        clock = new MutableClock(NOW);
        // cost 4 keeps the many logins of these tests quick; the hasher's own test checks the production cost
        accounts = new AccountService(db, clock, new PasswordHasher(4));
        defaultRecruiter = new RecruiterService(db).ensureDefault("olga", ZoneId.of("Europe/Moscow")).getId();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    Caller firstAdmin() {
        return accounts.createFirstAdmin("Olga", "Olga Smirnova", "Europe/Moscow", ADMIN_PASSWORD);
    }

    AccountRow anna(Caller admin) {
        return accounts.create(admin, "anna", "Anna Orlova", Role.RECRUITER, "Asia/Novosibirsk", ANNA_PASSWORD);
    }

    Caller signIn(String user, String password) {
        LoginResult result = accounts.login(user, password);
        assertThat(result).isInstanceOf(LoginResult.SignedIn.class);
        return ((LoginResult.SignedIn) result).caller();
    }

    static final LoginResult BAD = new LoginResult.Refused(LoginResult.Reason.BAD_CREDENTIALS, null, null);

    @Test
    void theFirstAdminWorksAsTheDatabasesOnlyRecruiterAndIsCreatedOnce() {
        assertThat(accounts.needsFirstAdmin()).isTrue();

        Caller admin = firstAdmin();

        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(admin.recruiterId()).isEqualTo(defaultRecruiter);
        assertThat(admin.name()).isEqualTo("Olga Smirnova");
        Recruiter linked = db.inTransaction(s -> s.find(Recruiter.class, defaultRecruiter));
        assertThat(linked.getName()).isEqualTo("Olga Smirnova");
        assertThat(accounts.needsFirstAdmin()).isFalse();
        assertThat(signIn("olga", ADMIN_PASSWORD)).isEqualTo(admin);
        assertThatThrownBy(() -> accounts.createFirstAdmin("boris", "Boris", "UTC", "another long password"))
                .isInstanceOfSatisfying(AccountProblem.class, p -> assertThat(p.messageKey()).isEqualTo("accounts.error.firstAdminExists"));
    }

    @Test
    void withSeveralRecruitersTheFirstAdminGetsARecruiterOfTheirOwn() {
        db.run(s -> s.persist(new Recruiter("Second", ZoneId.of("UTC"))));

        Caller admin = firstAdmin();

        assertThat(admin.recruiterId()).isNotEqualTo(defaultRecruiter);
        assertThat(db.inTransaction(s -> s.find(Recruiter.class, admin.recruiterId())).getZone()).isEqualTo(ZoneId.of("Europe/Moscow"));
    }

    @Test
    void anUnknownUserAndAWrongPasswordAreRefusedAlike() {
        Caller admin = firstAdmin();
        anna(admin);

        assertThat(accounts.login("nobody", ANNA_PASSWORD)).isEqualTo(BAD);
        assertThat(accounts.login("anna", "wrong password!")).isEqualTo(BAD);
        assertThat(accounts.login("", "")).isEqualTo(BAD);
        assertThat(signIn("  ANNA ", ANNA_PASSWORD).name()).isEqualTo("Anna Orlova");
    }

    @Test
    void fiveWrongPasswordsInARowLockTheAccountForFifteenMinutes() {
        Caller admin = firstAdmin();
        anna(admin);
        for (int i = 1; i < AccountService.MAX_FAILURES; i++) {
            assertThat(accounts.login("anna", "wrong password " + i)).isEqualTo(BAD);
        }

        LoginResult fifth = accounts.login("anna", "wrong password 5");

        Instant until = NOW.plus(AccountService.LOCK_OUT);
        assertThat(fifth).isEqualTo(new LoginResult.Refused(LoginResult.Reason.LOCKED, until, ZoneId.of("Asia/Novosibirsk")));
        // even the right password is refused while locked, and it does not extend the lock
        assertThat(accounts.login("anna", ANNA_PASSWORD)).isEqualTo(fifth);
        clock.advance(AccountService.LOCK_OUT.minusSeconds(1));
        assertThat(accounts.login("anna", ANNA_PASSWORD)).isEqualTo(fifth);
        clock.advance(Duration.ofSeconds(1));
        assertThat(signIn("anna", ANNA_PASSWORD).role()).isEqualTo(Role.RECRUITER);
    }

    @Test
    void aRightPasswordResetsTheCountOfFailures() {
        Caller admin = firstAdmin();
        anna(admin);
        for (int i = 1; i < AccountService.MAX_FAILURES; i++) {
            accounts.login("anna", "wrong password " + i);
        }
        signIn("anna", ANNA_PASSWORD);

        for (int i = 1; i < AccountService.MAX_FAILURES; i++) {
            assertThat(accounts.login("anna", "wrong password " + i)).isEqualTo(BAD);
        }
        assertThat(signIn("anna", ANNA_PASSWORD).role()).isEqualTo(Role.RECRUITER);
    }

    @Test
    void anAdminUnlocksAndResetsAPassword() {
        Caller admin = firstAdmin();
        long anna = anna(admin).id();
        for (int i = 0; i < AccountService.MAX_FAILURES; i++) {
            accounts.login("anna", "wrong password " + i);
        }
        assertThat(accounts.list(admin)).filteredOn(r -> r.id() == anna).singleElement()
                .satisfies(r -> assertThat(r.lockedUntil()).isEqualTo(NOW.plus(AccountService.LOCK_OUT)));

        AccountRow unlocked = accounts.unlock(admin, anna);

        assertThat(unlocked.locked()).isFalse();
        signIn("anna", ANNA_PASSWORD);

        accounts.resetPassword(admin, anna, "a brand new password");

        assertThat(accounts.login("anna", ANNA_PASSWORD)).isEqualTo(BAD);
        signIn("anna", "a brand new password");
    }

    @Test
    void aRecruiterIsRefusedEveryAdminAction() {
        Caller admin = firstAdmin();
        long anna = anna(admin).id();
        Caller recruiter = signIn("anna", ANNA_PASSWORD);

        List<ThrowingCallable> adminActions = List.of(
                () -> accounts.list(recruiter),
                () -> accounts.create(recruiter, "boris", "Boris", Role.ADMIN, "UTC", "boris long password"),
                () -> accounts.changeRole(recruiter, anna, Role.ADMIN),
                () -> accounts.resetPassword(recruiter, admin.accountId(), "hijacked password"),
                () -> accounts.unlock(recruiter, anna),
                () -> accounts.setActive(recruiter, admin.accountId(), false),
                () -> accounts.audit(recruiter, AuditFilter.all(), 0, 10));
        for (ThrowingCallable action : adminActions) {
            assertThatThrownBy(action).isInstanceOfSatisfying(AccessDenied.class,
                    d -> assertThat(d.messageKey()).isEqualTo("access.adminOnly"));
        }
        assertThat(accounts.list(admin)).extracting(AccountRow::role).containsExactly(Role.RECRUITER, Role.ADMIN);
        signIn("olga", ADMIN_PASSWORD);
    }

    @Test
    void anAdminDemotedInAnotherConsoleLosesTheRightsAtOnce() {
        Caller admin = firstAdmin();
        long anna = anna(admin).id();
        accounts.changeRole(admin, anna, Role.ADMIN);
        Caller annaAsAdmin = signIn("anna", ANNA_PASSWORD);

        accounts.changeRole(admin, anna, Role.RECRUITER);

        assertThatThrownBy(() -> accounts.list(annaAsAdmin)).isInstanceOf(AccessDenied.class);
    }

    @Test
    void theLastActiveAdminCannotBeDemotedOrDeactivated() {
        Caller admin = firstAdmin();
        long anna = anna(admin).id();

        assertThatThrownBy(() -> accounts.changeRole(admin, admin.accountId(), Role.RECRUITER))
                .isInstanceOfSatisfying(AccountProblem.class, p -> assertThat(p.messageKey()).isEqualTo("accounts.error.lastAdmin"));
        assertThatThrownBy(() -> accounts.setActive(admin, admin.accountId(), false))
                .isInstanceOfSatisfying(AccountProblem.class, p -> assertThat(p.field()).isEqualTo("active"));

        accounts.changeRole(admin, anna, Role.ADMIN);
        accounts.setActive(admin, admin.accountId(), false);

        assertThat(accounts.login("olga", ADMIN_PASSWORD))
                .isEqualTo(new LoginResult.Refused(LoginResult.Reason.INACTIVE, null, null));
        Caller annaAdmin = signIn("anna", ANNA_PASSWORD);
        assertThatThrownBy(() -> accounts.changeRole(annaAdmin, anna, Role.RECRUITER)).isInstanceOf(AccountProblem.class);
        accounts.setActive(annaAdmin, admin.accountId(), true);
        signIn("olga", ADMIN_PASSWORD);
    }

    @Test
    void aDeactivatedAccountIsToldSoOnlyWithTheRightPassword() {
        Caller admin = firstAdmin();
        long anna = anna(admin).id();
        accounts.setActive(admin, anna, false);

        assertThat(accounts.login("anna", "wrong password")).isEqualTo(BAD);
        assertThat(accounts.login("anna", ANNA_PASSWORD)).isEqualTo(new LoginResult.Refused(LoginResult.Reason.INACTIVE, null, null));
    }

    @Test
    void passwordsAndUsernamesFollowTheRules() {
        Caller admin = firstAdmin();
        anna(admin);

        assertProblem(() -> accounts.create(admin, "boris", "Boris", Role.RECRUITER, "UTC", "short"), "password", "accounts.error.passwordShort");
        assertProblem(() -> accounts.create(admin, "boris.ivanov", "Boris", Role.RECRUITER, "UTC", "Boris.Ivanov"), "password",
                "accounts.error.passwordIsUsername");
        assertProblem(() -> accounts.create(admin, "boris", "Boris", Role.RECRUITER, "UTC", "я".repeat(37)), "password",
                "accounts.error.passwordLong");
        assertProblem(() -> accounts.create(admin, "ANNA", "Anna 2", Role.RECRUITER, "UTC", "long enough pw"), "username",
                "accounts.error.usernameTaken");
        assertProblem(() -> accounts.create(admin, "b", "Boris", Role.RECRUITER, "UTC", "long enough pw"), "username", "accounts.error.username");
        assertProblem(() -> accounts.create(admin, "boris", " ", Role.RECRUITER, "UTC", "long enough pw"), "name", "accounts.error.name");
        assertProblem(() -> accounts.create(admin, "boris", "Boris", Role.RECRUITER, "Mars/Olympus", "long enough pw"), "zone",
                "accounts.error.zone");
        assertThat(accounts.list(admin)).hasSize(2);
    }

    @Test
    void aUserChangesTheirOwnPasswordOnlyWithTheCurrentOne() {
        Caller admin = firstAdmin();
        anna(admin);
        Caller me = signIn("anna", ANNA_PASSWORD);

        assertProblem(() -> accounts.changeOwnPassword(me, "not my password", "my new long password"), "currentPassword",
                "accounts.error.currentPassword");
        assertProblem(() -> accounts.changeOwnPassword(me, ANNA_PASSWORD, "short"), "newPassword", "accounts.error.passwordShort");

        accounts.changeOwnPassword(me, ANNA_PASSWORD, "my new long password");

        assertThat(accounts.login("anna", ANNA_PASSWORD)).isEqualTo(BAD);
        signIn("anna", "my new long password");
    }

    @Test
    void storedHashesAreSaltedBcryptThatVerify() {
        Caller admin = firstAdmin();
        anna(admin);
        accounts.create(admin, "boris", "Boris", Role.RECRUITER, "UTC", ANNA_PASSWORD);

        List<Account> stored = db.inTransaction(s -> s.createSelectionQuery("from Account order by username", Account.class).getResultList());

        assertThat(stored).extracting(Account::getPasswordHash).allSatisfy(h -> assertThat(h).startsWith("$2b$04$").hasSize(60))
                .doesNotContain(ADMIN_PASSWORD, ANNA_PASSWORD).doesNotHaveDuplicates();
        PasswordHasher hasher = new PasswordHasher(4);
        assertThat(hasher.matches(ANNA_PASSWORD, stored.get(0).getPasswordHash())).isTrue();
        assertThat(hasher.matches(ANNA_PASSWORD, stored.get(1).getPasswordHash())).isTrue();
        assertThat(hasher.matches(ANNA_PASSWORD + "x", stored.get(0).getPasswordHash())).isFalse();
    }

    @Test
    void everyChangeAndLoginIsAuditedWithoutSecrets() {
        Caller admin = firstAdmin();
        long anna = anna(admin).id();
        accounts.login("anna", ANNA_PASSWORD);
        accounts.login("nobody", "typed-into-the-wrong-box");
        for (int i = 0; i < AccountService.MAX_FAILURES; i++) {
            accounts.login("anna", "bad guess " + i);
        }
        accounts.login("anna", ANNA_PASSWORD);
        accounts.unlock(admin, anna);
        accounts.resetPassword(admin, anna, "reset by admin pw");
        accounts.changeRole(admin, anna, Role.ADMIN);
        accounts.setActive(admin, anna, false);
        accounts.setActive(admin, anna, true);
        Caller me = signIn("anna", "reset by admin pw");
        accounts.changeOwnPassword(me, "reset by admin pw", "chosen by anna pw");

        List<AuditEntry> entries = db.inTransaction(s -> s.createSelectionQuery("from AuditEntry order by id", AuditEntry.class).getResultList());

        assertThat(entries).extracting(AuditEntry::getAction).containsExactly("account.firstAdmin", "account.create", "login.ok",
                "login.failed", "login.failed", "login.failed", "login.failed", "login.failed", "login.locked", "login.refused",
                "account.unlock", "account.password.reset", "account.role", "account.deactivate", "account.reactivate",
                "login.ok", "account.password.change");
        assertThat(entries.get(1).getActorName()).isEqualTo("Olga Smirnova");
        assertThat(entries.get(1).getAccountId()).isEqualTo(admin.accountId());
        assertThat(entries.get(1).getAfter()).contains("username=anna", "role=RECRUITER");
        assertThat(entries.get(3).getActorName()).isEqualTo("?");
        assertThat(entries.get(12).getBefore()).isEqualTo("role=RECRUITER");
        assertThat(entries.get(12).getAfter()).isEqualTo("role=ADMIN");
        List<String> hashes = db.inTransaction(s -> s.createSelectionQuery("select passwordHash from Account", String.class).getResultList());
        List<String> secrets = new java.util.ArrayList<>(List.of(ADMIN_PASSWORD, ANNA_PASSWORD, "typed-into-the-wrong-box",
                "bad guess", "reset by admin pw", "chosen by anna pw", "$2b$"));
        secrets.addAll(hashes);
        for (AuditEntry e : entries) {
            for (String secret : secrets) {
                assertThat(e.getBefore() + " " + e.getAfter() + " " + e.getActorName()).doesNotContain(secret);
            }
        }
    }

    @Test
    void theAuditViewerFiltersAndPages() {
        Caller admin = firstAdmin();
        anna(admin);
        clock.advance(Duration.ofHours(1));
        accounts.login("anna", "wrong password");
        clock.advance(Duration.ofHours(1));
        accounts.create(admin, "boris", "Boris Ivanov", Role.RECRUITER, "UTC", "boris long password");

        AuditPage all = accounts.audit(admin, AuditFilter.all(), 0, 2);
        assertThat(all.total()).isEqualTo(4);
        assertThat(all.pages()).isEqualTo(2);
        assertThat(all.entries()).extracting(AuditEntry::getAction).containsExactly("account.create", "login.failed");
        assertThat(accounts.audit(admin, AuditFilter.all(), 1, 2).entries()).extracting(AuditEntry::getAction)
                .containsExactly("account.create", "account.firstAdmin");

        assertThat(accounts.audit(admin, new AuditFilter("anna", null, null, null, null), 0, 10).entries())
                .extracting(AuditEntry::getAction).containsExactly("login.failed");
        assertThat(accounts.audit(admin, new AuditFilter(null, "ACCOUNT", "create", null, null), 0, 10).total()).isEqualTo(2);
        assertThat(accounts.audit(admin, new AuditFilter(null, null, null, NOW.plus(Duration.ofMinutes(30)), NOW.plus(Duration.ofMinutes(90))), 0, 10)
                .entries()).extracting(AuditEntry::getAction).containsExactly("login.failed");
        assertThat(accounts.audit(admin, new AuditFilter(null, null, "100%_", null, null), 0, 10).total()).isZero();
    }

    private static void assertProblem(ThrowingCallable call, String field, String key) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AccountProblem.class, p -> {
            assertThat(p.field()).isEqualTo(field);
            assertThat(p.messageKey()).isEqualTo(key);
        });
    }
}
