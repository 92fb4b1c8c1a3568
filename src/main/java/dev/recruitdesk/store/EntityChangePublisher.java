package dev.recruitdesk.store;

import jakarta.transaction.Synchronization;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Publishes on the {@link ChangeFeed} every insert, update and delete of the watched entities, in the transaction
 * that makes it, whoever makes it (a screen's use case, the bot's conversation, a bulk import). Hooked into
 * Hibernate's events rather than into each use case, so a new use case cannot forget to tell the other consoles.
 * A transaction touching many rows of one entity announces the first few and then one {@code <entity>:0}
 * ("several"), so a 20,000-slot import costs a handful of notifications, not 20,000.
 */
final class EntityChangePublisher implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {

    /** Past this many rows of one entity in one transaction, one {@code <entity>:0} stands for the rest. */
    static final int ROWS_NAMED_PER_TRANSACTION = 20;

    private static final long SEVERAL_MARK = -1;

    private final ChangeFeed feed;
    private final Map<Class<?>, String> watched;
    // per open session (one transaction each in this code base); entries leave at completion or with the session
    private final Map<SharedSessionContractImplementor, Map<String, Set<Long>>> announced = new WeakHashMap<>();

    private EntityChangePublisher(ChangeFeed feed, Map<Class<?>, String> watched) {
        this.feed = feed;
        this.watched = Map.copyOf(watched);
    }

    static void install(Database db, ChangeFeed feed, Map<Class<?>, String> watched) {
        EntityChangePublisher publisher = new EntityChangePublisher(Objects.requireNonNull(feed), watched);
        var registry = db.sessionFactory().unwrap(SessionFactoryImplementor.class).getEventListenerRegistry();
        registry.appendListeners(EventType.POST_INSERT, publisher);
        registry.appendListeners(EventType.POST_UPDATE, publisher);
        registry.appendListeners(EventType.POST_DELETE, publisher);
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        changed(event.getSession(), event.getEntity(), event.getId());
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        changed(event.getSession(), event.getEntity(), event.getId());
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        changed(event.getSession(), event.getEntity(), event.getId());
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    private void changed(SharedSessionContractImplementor source, Object entity, Object id) {
        String name = watched.get(entity.getClass());
        if (name == null || !(source instanceof Session session)) {
            return;
        }
        long rowId = id instanceof Number n ? n.longValue() : 0;
        long announce;
        synchronized (announced) {
            Map<String, Set<Long>> byEntity = announced.get(source);
            if (byEntity == null) {
                byEntity = new HashMap<>();
                announced.put(source, byEntity);
                session.getTransaction().registerSynchronization(new Forget(source));
            }
            Set<Long> rows = byEntity.computeIfAbsent(name, k -> new HashSet<>());
            if (rows.size() > ROWS_NAMED_PER_TRANSACTION || rows.contains(rowId)) {
                return;
            }
            rows.add(rows.size() == ROWS_NAMED_PER_TRANSACTION ? SEVERAL_MARK : rowId);
            announce = rows.size() > ROWS_NAMED_PER_TRANSACTION ? 0 : rowId;
        }
        feed.publish(session, name, announce);
    }

    private final class Forget implements Synchronization {
        private final SharedSessionContractImplementor session;

        Forget(SharedSessionContractImplementor session) {
            this.session = session;
        }

        @Override
        public void beforeCompletion() {
            // the notifications went out with the statements; nothing left to do before the commit
        }

        @Override
        public void afterCompletion(int status) {
            synchronized (announced) {
                announced.remove(session);
            }
        }
    }
}
