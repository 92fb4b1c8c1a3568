package dev.recruitdesk.booking;

import dev.recruitdesk.accounts.AuditLog;
import dev.recruitdesk.accounts.Caller;
import dev.recruitdesk.domain.ReminderSettings;
import dev.recruitdesk.reminders.ReminderPolicy;
import dev.recruitdesk.store.Database;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and saves the installation's reminder policy (one row; the defaults until first saved). Booking use cases
 * read it with {@link #load(Session)} inside the transaction that enqueues reminders.
 */
public class ReminderPolicyService {

    private static final Logger log = LoggerFactory.getLogger(ReminderPolicyService.class);

    private final Database db;
    private final Clock clock;

    private final ReminderReplanner replanner;
    private final AuditLog audit;

    /** A service whose saves only store the policy (reminders already queued keep their times). */
    public ReminderPolicyService(Database db, Clock clock) {
        this(db, clock, null);
    }

    /** A service whose saves also re-plan the pending reminders of future bookings, in the same transaction. */
    public ReminderPolicyService(Database db, Clock clock, ReminderReplanner replanner) {
        this.db = db;
        this.clock = clock;
        this.replanner = replanner;
        this.audit = new AuditLog(clock);
    }

    public ReminderPolicy load() {
        return db.inTransaction(ReminderPolicyService::load);
    }

    /** The policy as seen by the caller's transaction. */
    public static ReminderPolicy load(Session s) {
        ReminderSettings row = s.find(ReminderSettings.class, ReminderSettings.INSTALLATION);
        return row == null ? ReminderPolicy.defaults() : ReminderPolicy.fromSettings(row);
    }

    /**
     * Stores {@code policy} for the whole installation; the last save wins. With a replanner, the pending reminders
     * of future bookings follow the new policy in the same transaction (nothing sent is sent again); without one,
     * reminders already in the outbox keep the times they were planned with.
     */
    public ReminderPolicy save(Caller caller, ReminderPolicy policy) {
        Scope.requireAdmin(caller, "reminder policy");
        Instant now = clock.instant();
        db.run(s -> {
            ReminderSettings row = s.find(ReminderSettings.class, ReminderSettings.INSTALLATION, LockModeType.PESSIMISTIC_WRITE);
            boolean created = row == null;
            String before = created ? ReminderPolicy.defaults().toString() : ReminderPolicy.fromSettings(row).toString();
            if (created) {
                row = new ReminderSettings();
            }
            policy.copyTo(row, now);
            if (created) {
                s.persist(row);
            }
            log.info("reminders.policy.saved created={} policy={}", created, policy);
            audit.record(s, caller, "policy.update", "reminder_policy", (long) ReminderSettings.INSTALLATION, before,
                    policy.toString());
            if (replanner != null) {
                s.flush();
                replanner.replanFutureBookings(s);
            }
        });
        return policy;
    }
}
