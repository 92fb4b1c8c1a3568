package dev.recruitdesk.booking;

import dev.recruitdesk.accounts.AuditLog;
import dev.recruitdesk.accounts.Caller;
import dev.recruitdesk.delivery.DeliveryOps;
import dev.recruitdesk.domain.Booking;
import dev.recruitdesk.domain.OutboxMessage;
import dev.recruitdesk.store.Database;
import java.time.Clock;
import java.util.Objects;
import org.hibernate.Session;

/**
 * The Delivery screen's commands on one outbox message, scoped and audited: a message about a booking is its
 * recruiter's (or an admin's) to resend or withdraw; any other message (a recruiter's free text, an alert) an
 * admin's only.
 */
public final class MessageActions {

    private final Database db;
    private final DeliveryOps ops;
    private final AuditLog audit;

    public MessageActions(Database db, DeliveryOps ops, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.ops = Objects.requireNonNull(ops, "ops");
        this.audit = new AuditLog(clock);
    }

    /** See {@link DeliveryOps#resend(long, String)}. @return true if the message was queued again */
    public boolean resend(Caller caller, long messageId) {
        return act(caller, messageId, ops::resend, "message.resend", "PENDING");
    }

    /** See {@link DeliveryOps#cancel(long, String)}. @return true if the message was pending and is now cancelled */
    public boolean cancel(Caller caller, long messageId) {
        return act(caller, messageId, ops::cancel, "message.cancel", "CANCELLED");
    }

    /** A {@link DeliveryOps} command in the caller's transaction, within their scope; audited when it changed the message. */
    private boolean act(Caller caller, long messageId, Command command, String action, String after) {
        return db.inTransaction(s -> {
            String before = checked(s, caller, messageId);
            boolean done = before != null && command.run(s, messageId, caller.name());
            if (done) {
                audit.record(s, caller, action, "outbox_message", messageId, before, after);
            }
            return done;
        });
    }

    /** The shape of {@link DeliveryOps#resend(Session, long, String)} and {@link DeliveryOps#cancel(Session, long, String)}. */
    @FunctionalInterface
    private interface Command {
        boolean run(Session s, long messageId, String actor);
    }

    /** The message's state before the action, or null when there is no such message; refuses it outside the scope. */
    private static String checked(Session s, Caller caller, long messageId) {
        OutboxMessage m = s.find(OutboxMessage.class, messageId);
        if (m == null) {
            return null;
        }
        Booking b = m.getBookingId() == null ? null : s.find(Booking.class, m.getBookingId());
        if (b != null) {
            Scope.require(caller, b.getRecruiterId(), "message", messageId);
        } else {
            Scope.requireAdmin(caller, "this message");
        }
        // the entity was only read to check scope: the update below is plain SQL, so keep the session from caching it
        s.detach(m);
        return m.getStatus() + " " + m.getKind() + " " + m.getDedupKey();
    }
}
