package dev.recruitdesk.booking;

import dev.recruitdesk.domain.Recruiter;
import dev.recruitdesk.store.Database;
import java.time.ZoneId;
import java.util.List;

/** Recruiter profiles. In single-user (embedded) mode the console works as the one recruiter of the file. */
public class RecruiterService {

    private final Database db;

    public RecruiterService(Database db) {
        this.db = db;
    }

    /** The first recruiter of the database, created from the given defaults on a fresh database. */
    public Recruiter ensureDefault(String name, ZoneId zone) {
        return db.inTransaction(s -> {
            List<Recruiter> existing = s.createSelectionQuery("from Recruiter order by id", Recruiter.class)
                    .setMaxResults(1).getResultList();
            if (!existing.isEmpty()) {
                return existing.get(0);
            }
            Recruiter r = new Recruiter(name == null || name.isBlank() ? "Recruiter" : name, zone);
            s.persist(r);
            return r;
        });
    }

    public Recruiter get(long id) {
        return db.inTransaction(s -> {
            Recruiter r = s.find(Recruiter.class, id);
            if (r == null) {
                throw new IllegalArgumentException("No recruiter " + id);
            }
            return r;
        });
    }
}
