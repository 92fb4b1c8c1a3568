package dev.recruitdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recruitdesk.domain.Recruiter;
import dev.recruitdesk.domain.Slot;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database's Hibernate runs without ByteBuddy: entities are plain objects, written and versioned by reflection. */
class NoBytecodeProviderTest {

    @TempDir
    Path folder;

    @Test
    void entitiesAreReadAndWrittenWithoutGeneratedClassesAndNoReferenceProxyIsHandedOut() {
        try (Database db = TestDatabases.h2(folder)) {
            BytecodeProvider provider = db.sessionFactory().unwrap(SessionFactoryImplementor.class)
                    .getServiceRegistry().requireService(BytecodeProvider.class);
            assertThat(provider).isInstanceOf(org.hibernate.bytecode.internal.none.BytecodeProviderImpl.class);

            long recruiterId = db.inTransaction(s -> {
                Recruiter r = new Recruiter("Anna", ZoneOffset.UTC);
                s.persist(r);
                return r.getId();
            });
            Instant start = Instant.parse("2026-03-02T09:00:00Z");
            long slotId = db.inTransaction(s -> {
                Slot slot = new Slot(recruiterId, start, Duration.ofMinutes(30), "Room 1", start.minusSeconds(3600));
                s.persist(slot);
                return slot.getId();
            });
            db.run(s -> s.find(Slot.class, slotId).setPlace("Room 2"));

            Slot read = db.inTransaction(s -> s.find(Slot.class, slotId));
            assertThat(read.getClass()).isEqualTo(Slot.class);
            assertThat(read.getPlace()).isEqualTo("Room 2");
            assertThat(read.getStartAt()).isEqualTo(start);
            assertThat(read.getVersion()).isEqualTo(1);
            // nothing in the application asks for a lazy reference; one would fail instead of loading behind our back
            assertThatThrownBy(() -> db.run(s -> s.getReference(Slot.class, slotId).getPlace())).isInstanceOf(RuntimeException.class);
        }
    }
}
