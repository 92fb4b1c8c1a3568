package dev.recruitdesk.booking;

import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.AuditEntry;
import dev.recruitdesk.domain.BookingEvent;
import java.time.Instant;
import java.util.List;
import org.hibernate.Session;

/**
 * The row changed after the recruiter saw it (another console, or the candidate through the bot): nothing was
 * done, and the screen says who changed it and when, then shows the row as it is now.
 *
 * @param entity    {@code booking} or {@code slot}
 * @param changedBy the account name that changed it last, or null when the candidate or the system did
 * @param actor     who changed it: {@link Actor#RECRUITER} (named by {@code changedBy}), the candidate or the system
 * @param at        when, or null when nothing recorded it
 */
public class ConcurrentChange extends RuntimeException {

    private final String entity;
    private final long entityId;
    private final String changedBy;
    private final Actor actor;
    private final Instant at;

    ConcurrentChange(String entity, long entityId, String changedBy, Actor actor, Instant at) {
        super(entity + ":" + entityId + " changed by " + (changedBy != null ? changedBy : actor) + " at " + at);
        this.entity = entity;
        this.entityId = entityId;
        this.changedBy = changedBy;
        this.actor = actor;
        this.at = at;
    }

    /**
     * Names the latest change of the row: its newest audit entry (a console action, with the account's name) or,
     * when a booking event is newer, the candidate or the system that caused it.
     */
    static ConcurrentChange of(Session s, String entity, long id) {
        List<AuditEntry> audit = s.createSelectionQuery(
                        "from AuditEntry where entity = :e and entityId = :id order by at desc, id desc", AuditEntry.class)
                .setParameter("e", entity).setParameter("id", id).setMaxResults(1).getResultList();
        AuditEntry last = audit.isEmpty() ? null : audit.get(0);
        if ("booking".equals(entity)) {
            List<BookingEvent> events = s.createSelectionQuery(
                            "from BookingEvent where bookingId = :id order by at desc, id desc", BookingEvent.class)
                    .setParameter("id", id).setMaxResults(1).getResultList();
            BookingEvent event = events.isEmpty() ? null : events.get(0);
            if (event != null && event.getActor() != Actor.RECRUITER && (last == null || event.getAt().isAfter(last.getAt()))) {
                return new ConcurrentChange(entity, id, null, event.getActor(), event.getAt());
            }
            if (last == null && event != null) {
                return new ConcurrentChange(entity, id, null, Actor.RECRUITER, event.getAt());
            }
        }
        return last == null ? new ConcurrentChange(entity, id, null, Actor.RECRUITER, null)
                : new ConcurrentChange(entity, id, last.getActorName(), Actor.RECRUITER, last.getAt());
    }

    public String entity() {
        return entity;
    }

    public long entityId() {
        return entityId;
    }

    public String changedBy() {
        return changedBy;
    }

    public Actor actor() {
        return actor;
    }

    public Instant at() {
        return at;
    }
}
