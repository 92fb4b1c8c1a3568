package dev.recruitdesk.accounts;

import dev.recruitdesk.domain.Account;
import dev.recruitdesk.domain.AuditEntry;
import dev.recruitdesk.domain.Recruiter;
import dev.recruitdesk.domain.Role;
import dev.recruitdesk.store.Database;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Team mode's accounts: the first admin, logging in with lock-out, and the admin's management of accounts. Every
 * change and every login attempt is audited in the same transaction; passwords and hashes never reach the audit or
 * the log.
 */
public final class AccountService {

    /** Consecutive wrong passwords that lock an account. */
    public static final int MAX_FAILURES = 5;
    /** How long a lock-out lasts. */
    public static final Duration LOCK_OUT = Duration.ofMinutes(15);
    static final int MAX_USERNAME = 64;
    static final int MAX_NAME = 200;
    /** The audit's actor for a login with a username no account has: the typed text is not kept (it may be a password). */
    static final String UNKNOWN_ACTOR = "?";
    static final String ENTITY = "account";

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    private final Database db;
    private final Clock clock;
    private final PasswordHasher hasher;
    private final AuditLog audit;

    public AccountService(Database db, Clock clock, PasswordHasher hasher) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.audit = new AuditLog(clock);
    }

    /** True until the first account exists: the console then asks for the first admin instead of a login. */
    public boolean needsFirstAdmin() {
        return db.inTransaction(s -> accountCount(s) == 0);
    }

    /**
     * Creates the first account, an admin, and signs it in. Refused once any account exists. It works as the
     * database's recruiter when there is exactly one without an account (a database copied from one recruiter's
     * embedded file keeps its owner's slots and bookings); otherwise as a new recruiter.
     */
    public Caller createFirstAdmin(String username, String name, String zone, String password) {
        String user = checkUsername(username);
        String cleanName = checkName(name);
        ZoneId zoneId = checkZone(zone);
        PasswordRules.check("password", user, password);
        String hash = hasher.hash(password);
        return db.inTransaction(s -> {
            // two consoles starting at once: the second waits here, then sees the first one's admin
            List<Recruiter> recruiters = s.createSelectionQuery("from Recruiter order by id", Recruiter.class)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
            if (accountCount(s) > 0) {
                throw new AccountProblem("", "accounts.error.firstAdminExists");
            }
            Instant now = clock.instant();
            Recruiter recruiter;
            if (recruiters.size() == 1) {
                recruiter = recruiters.get(0);
                recruiter.setName(cleanName);
                recruiter.setZone(zoneId);
            } else {
                recruiter = new Recruiter(cleanName, zoneId);
                s.persist(recruiter);
            }
            Account account = new Account(user, hash, Role.ADMIN, recruiter.getId(), now);
            account.setLastLoginAt(now);
            s.persist(account);
            Caller me = callerOf(account, recruiter);
            audit.record(s, me, "account.firstAdmin", ENTITY, account.getId(), null, describe(account, recruiter));
            log.info("accounts.first-admin account={} recruiter={} linked={}", account.getId(), recruiter.getId(), recruiters.size() == 1);
            return me;
        });
    }

    /**
     * Checks a username and password. Five wrong passwords in a row lock the account for fifteen minutes; while
     * locked, attempts are refused without checking the password. A right password clears the count.
     */
    public LoginResult login(String username, String password) {
        String user = username == null ? "" : Account.normalise(username);
        return db.inTransaction(s -> {
            Instant now = clock.instant();
            Account account = user.isEmpty() ? null : s.createSelectionQuery("from Account where username = :u", Account.class)
                    .setParameter("u", user).setLockMode(LockModeType.PESSIMISTIC_WRITE).uniqueResult();
            if (account == null) {
                hasher.matchesNothing(password);
                s.persist(new AuditEntry(now, null, UNKNOWN_ACTOR, "login.failed", ENTITY, null, null, "unknown username"));
                log.info("login.failed reason=unknown-user");
                return new LoginResult.Refused(LoginResult.Reason.BAD_CREDENTIALS, null, null);
            }
            Recruiter recruiter = s.find(Recruiter.class, account.getRecruiterId());
            Caller who = callerOf(account, recruiter);
            if (account.isLockedAt(now)) {
                audit.record(s, who, "login.refused", ENTITY, account.getId(), null, "locked until " + account.getLockedUntil());
                return new LoginResult.Refused(LoginResult.Reason.LOCKED, account.getLockedUntil(), recruiter.getZone());
            }
            if (!hasher.matches(password, account.getPasswordHash())) {
                int failures = account.getFailedLogins() + 1;
                if (failures >= MAX_FAILURES) {
                    account.setFailedLogins(0);
                    account.setLockedUntil(now.plus(LOCK_OUT));
                    audit.record(s, who, "login.locked", ENTITY, account.getId(), null,
                            failures + " failed attempts; locked until " + account.getLockedUntil());
                    return new LoginResult.Refused(LoginResult.Reason.LOCKED, account.getLockedUntil(), recruiter.getZone());
                }
                account.setFailedLogins(failures);
                audit.record(s, who, "login.failed", ENTITY, account.getId(), null, "wrong password, attempt " + failures);
                return new LoginResult.Refused(LoginResult.Reason.BAD_CREDENTIALS, null, null);
            }
            if (!account.isActive()) {
                audit.record(s, who, "login.refused", ENTITY, account.getId(), null, "account deactivated");
                return new LoginResult.Refused(LoginResult.Reason.INACTIVE, null, null);
            }
            account.setFailedLogins(0);
            account.setLockedUntil(null);
            account.setLastLoginAt(now);
            audit.record(s, who, "login.ok", ENTITY, account.getId(), null, null);
            return new LoginResult.SignedIn(who);
        });
    }

    /** Every account with its recruiter's name and zone, by username. Admins only. */
    public List<AccountRow> list(Caller caller) {
        return db.inTransaction(s -> {
            requireActingAdmin(s, caller);
            Instant now = clock.instant();
            List<AccountRow> rows = new ArrayList<>();
            for (Object[] pair : s.createSelectionQuery(
                    "select a, r from Account a join Recruiter r on r.id = a.recruiterId order by a.username", Object[].class)
                    .getResultList()) {
                rows.add(row((Account) pair[0], (Recruiter) pair[1], now));
            }
            return rows;
        });
    }

    /** Creates an account and the recruiter it works as. Usernames are unique whatever their case. Admins only. */
    public AccountRow create(Caller caller, String username, String name, Role role, String zone, String password) {
        String user = checkUsername(username);
        String cleanName = checkName(name);
        ZoneId zoneId = checkZone(zone);
        Objects.requireNonNull(role, "role");
        PasswordRules.check("password", user, password);
        db.run(s -> requireActingAdmin(s, caller)); // before the slow hash: a refused caller learns nothing sooner
        String hash = hasher.hash(password);
        return db.inTransaction(s -> {
            requireActingAdmin(s, caller);
            if (s.createSelectionQuery("select count(a) from Account a where a.username = :u", Long.class)
                    .setParameter("u", user).getSingleResult() > 0) {
                throw new AccountProblem("username", "accounts.error.usernameTaken", user);
            }
            Recruiter recruiter = new Recruiter(cleanName, zoneId);
            s.persist(recruiter);
            Account account = new Account(user, hash, role, recruiter.getId(), clock.instant());
            s.persist(account);
            audit.record(s, caller, "account.create", ENTITY, account.getId(), null, describe(account, recruiter));
            return row(account, recruiter, clock.instant());
        });
    }

    /** Makes an account an admin or a recruiter; the last active admin stays an admin. Admins only. */
    public AccountRow changeRole(Caller caller, long accountId, Role role) {
        Objects.requireNonNull(role, "role");
        return change(caller, accountId, (s, account) -> {
            if (account.getRole() == role) {
                return;
            }
            if (role != Role.ADMIN) {
                requireAnotherAdmin(s, account, "role");
            }
            String before = "role=" + account.getRole();
            account.setRole(role);
            audit.record(s, caller, "account.role", ENTITY, account.getId(), before, "role=" + role);
        });
    }

    /** Sets a new password for someone who forgot theirs, and lifts any lock-out. Admins only. */
    public AccountRow resetPassword(Caller caller, long accountId, String newPassword) {
        String username = db.inTransaction(s -> {
            requireActingAdmin(s, caller);
            return find(s, accountId).getUsername();
        });
        PasswordRules.check("password", username, newPassword);
        String hash = hasher.hash(newPassword);
        return change(caller, accountId, (s, account) -> {
            account.setPasswordHash(hash, clock.instant());
            account.setFailedLogins(0);
            account.setLockedUntil(null);
            audit.record(s, caller, "account.password.reset", ENTITY, account.getId(), null, "password set by an admin");
        });
    }

    /** Lifts a lock-out before its fifteen minutes are over. Admins only. */
    public AccountRow unlock(Caller caller, long accountId) {
        return change(caller, accountId, (s, account) -> {
            String before = "failedLogins=" + account.getFailedLogins() + " lockedUntil=" + account.getLockedUntil();
            account.setFailedLogins(0);
            account.setLockedUntil(null);
            audit.record(s, caller, "account.unlock", ENTITY, account.getId(), before, "failedLogins=0 lockedUntil=null");
        });
    }

    /** Lets an account log in again, or no longer; the last active admin stays active. Admins only. */
    public AccountRow setActive(Caller caller, long accountId, boolean active) {
        return change(caller, accountId, (s, account) -> {
            if (account.isActive() == active) {
                return;
            }
            if (!active) {
                requireAnotherAdmin(s, account, "active");
            }
            account.setActive(active);
            audit.record(s, caller, active ? "account.reactivate" : "account.deactivate", ENTITY, account.getId(),
                    "active=" + !active, "active=" + active);
        });
    }

    /** The caller changes their own password; the current one is asked again so an unattended console cannot. */
    public void changeOwnPassword(Caller caller, String currentPassword, String newPassword) {
        if (caller.accountId() == null) {
            throw new AccountProblem("", "accounts.error.noAccount");
        }
        String[] stored = db.inTransaction(s -> {
            Account me = find(s, caller.accountId());
            return new String[] {me.getUsername(), me.getPasswordHash()};
        });
        if (!hasher.matches(currentPassword, stored[1])) {
            throw new AccountProblem("currentPassword", "accounts.error.currentPassword");
        }
        PasswordRules.check("newPassword", stored[0], newPassword);
        if (hasher.matches(newPassword, stored[1])) {
            throw new AccountProblem("newPassword", "accounts.error.passwordSame");
        }
        String hash = hasher.hash(newPassword);
        db.run(s -> {
            Account me = s.find(Account.class, caller.accountId(), LockModeType.PESSIMISTIC_WRITE);
            me.setPasswordHash(hash, clock.instant());
            audit.record(s, caller, "account.password.change", ENTITY, me.getId(), null, "password changed by its owner");
        });
    }

    /** Audit entries matching {@code filter}, newest first, one page of {@code pageSize} (page 0 first). Admins only. */
    public AuditPage audit(Caller caller, AuditFilter filter, int page, int pageSize) {
        if (page < 0 || pageSize < 1) {
            throw new IllegalArgumentException("page " + page + " size " + pageSize);
        }
        return db.inTransaction(s -> {
            requireActingAdmin(s, caller);
            StringBuilder where = new StringBuilder(" where 1 = 1");
            Map<String, Object> params = new LinkedHashMap<>();
            like(where, params, "actorName", "actor", filter.actor());
            like(where, params, "entity", "entity", filter.entity());
            like(where, params, "action", "action", filter.action());
            if (filter.from() != null) {
                where.append(" and e.at >= :from");
                params.put("from", filter.from());
            }
            if (filter.to() != null) {
                where.append(" and e.at < :to");
                params.put("to", filter.to());
            }
            SelectionQuery<Long> count = s.createSelectionQuery("select count(e) from AuditEntry e" + where, Long.class);
            SelectionQuery<AuditEntry> rows = s.createSelectionQuery("from AuditEntry e" + where + " order by e.at desc, e.id desc",
                    AuditEntry.class);
            params.forEach((k, v) -> {
                count.setParameter(k, v);
                rows.setParameter(k, v);
            });
            List<AuditEntry> entries = rows.setFirstResult(page * pageSize).setMaxResults(pageSize).getResultList();
            return new AuditPage(entries, count.getSingleResult(), page, pageSize);
        });
    }

    private static void like(StringBuilder where, Map<String, Object> params, String field, String name, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        String escaped = text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        where.append(" and lower(e.").append(field).append(") like :").append(name).append(" escape '\\'");
        params.put(name, "%" + escaped + "%");
    }

    /** One admin change to one account, under a row lock, returning the account as it then is. */
    private AccountRow change(Caller caller, long accountId, BiConsumer<Session, Account> work) {
        return db.inTransaction(s -> {
            requireActingAdmin(s, caller);
            Account account = find(s, accountId);
            s.lock(account, LockModeType.PESSIMISTIC_WRITE);
            work.accept(s, account);
            return row(account, s.find(Recruiter.class, account.getRecruiterId()), clock.instant());
        });
    }

    /**
     * Refuses unless another active admin remains once {@code account} stops being one. Locks the admins' rows
     * first, so two admins demoting each other at once cannot both succeed.
     */
    private static void requireAnotherAdmin(Session s, Account account, String field) {
        if (account.getRole() != Role.ADMIN || !account.isActive()) {
            return;
        }
        List<Account> admins = s.createSelectionQuery("from Account where role = :r and active = true", Account.class)
                .setParameter("r", Role.ADMIN).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (admins.stream().noneMatch(a -> !a.getId().equals(account.getId()))) {
            throw new AccountProblem(field, "accounts.error.lastAdmin");
        }
    }

    /**
     * The caller must be an admin, and (team mode) their account must still be an active admin: an admin demoted
     * or deactivated in another console loses these rights at once, not at their next login.
     */
    private static void requireActingAdmin(Session s, Caller caller) {
        caller.requireAdmin("accounts");
        if (caller.accountId() != null) {
            Account me = s.find(Account.class, caller.accountId());
            if (me == null || !me.isActive() || me.getRole() != Role.ADMIN) {
                throw new AccessDenied(caller, "access.adminOnly", "accounts");
            }
        }
    }

    private static Account find(Session s, long id) {
        Account account = s.find(Account.class, id);
        if (account == null) {
            throw new IllegalArgumentException("No account " + id);
        }
        return account;
    }

    private static long accountCount(Session s) {
        return s.createSelectionQuery("select count(a) from Account a", Long.class).getSingleResult();
    }

    private static Caller callerOf(Account account, Recruiter recruiter) {
        return new Caller(account.getId(), recruiter.getName(), account.getRole(), recruiter.getId());
    }

    private static AccountRow row(Account a, Recruiter r, Instant now) {
        return new AccountRow(a.getId(), a.getUsername(), r.getName(), a.getRole(), r.getZone().getId(), a.isActive(),
                a.getFailedLogins(), a.isLockedAt(now) ? a.getLockedUntil() : null, a.getLastLoginAt(), a.getCreatedAt(), r.getId());
    }

    /** The audit's rendering of an account: what an admin needs to tell accounts apart, never the hash. */
    private static String describe(Account a, Recruiter r) {
        return "username=" + a.getUsername() + " name=" + r.getName() + " role=" + a.getRole() + " zone=" + r.getZone().getId()
                + " active=" + a.isActive();
    }

    static String checkUsername(String username) {
        String user = username == null ? "" : Account.normalise(username);
        if (user.length() < 3 || user.length() > MAX_USERNAME || !user.matches("[\\p{L}\\p{N}._@-]+")) {
            throw new AccountProblem("username", "accounts.error.username", 3, MAX_USERNAME);
        }
        return user;
    }

    private static String checkName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME) {
            throw new AccountProblem("name", "accounts.error.name", MAX_NAME);
        }
        return clean;
    }

    private static ZoneId checkZone(String zone) {
        try {
            return ZoneId.of(zone == null ? "" : zone.strip());
        } catch (DateTimeException e) {
            throw new AccountProblem("zone", "accounts.error.zone", String.valueOf(zone));
        }
    }
}
