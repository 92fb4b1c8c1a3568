package dev.recruitdesk.booking;

import dev.recruitdesk.accounts.AuditLog;
import dev.recruitdesk.accounts.Caller;
import dev.recruitdesk.domain.Recruiter;
import dev.recruitdesk.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Recruiter profiles. In single-user (embedded) mode the console works as the one recruiter of the file. */
public class RecruiterService {

    static final int MAX_NAME = 200;
    static final int MAX_LINK = 500;

    private final Database db;
    private final AuditLog audit;

    public RecruiterService(Database db) {
        this(db, Clock.systemUTC());
    }

    public RecruiterService(Database db, Clock clock) {
        this.db = db;
        this.audit = new AuditLog(clock);
    }

    /**
     * The first recruiter of the database, created from the given defaults on a fresh database. Read with plain SQL
     * (the console's start does not wait for Hibernate); only a fresh database's first recruiter is written through it.
     */
    public Recruiter ensureDefault(String name, ZoneId zone) {
        return read("select id, name, time_zone, meeting_link from recruiter order by id fetch first 1 rows only", null)
                .orElseGet(() -> db.inTransaction(s -> {
                    List<Recruiter> existing = s.createSelectionQuery("from Recruiter order by id", Recruiter.class)
                            .setMaxResults(1).getResultList();
                    if (!existing.isEmpty()) {
                        return existing.get(0);
                    }
                    Recruiter r = new Recruiter(name == null || name.isBlank() ? "Recruiter" : name, zone);
                    s.persist(r);
                    return r;
                }));
    }

    /** The recruiter {@code id} (a detached copy, read with plain SQL); refuses an unknown id. */
    public Recruiter get(long id) {
        return read("select id, name, time_zone, meeting_link from recruiter where id = ?", id)
                .orElseThrow(() -> new IllegalArgumentException("No recruiter " + id));
    }

    private Optional<Recruiter> read(String sql, Long id) {
        return db.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (id != null) {
                    ps.setLong(1, id);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(Recruiter.restored(rs.getLong(1), rs.getString(2), ZoneId.of(rs.getString(3)), rs.getString(4)))
                            : Optional.empty();
                }
            }
        });
    }

    /**
     * Changes the recruiter's name, zone and default meeting link (blank: none). Refuses a blank or over-long name,
     * an unknown zone and a link that is not http(s), naming the field.
     */
    public Recruiter updateProfile(Caller caller, long id, String name, String zoneId, String meetingLink) {
        Scope.require(caller, id, "profile", id);
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > MAX_NAME) {
            throw new RuleViolation("name", "recruiter.error.name", MAX_NAME);
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneId == null ? "" : zoneId.strip());
        } catch (java.time.DateTimeException e) {
            throw new RuleViolation("zone", "recruiter.error.zone", String.valueOf(zoneId));
        }
        String link = meetingLink == null || meetingLink.isBlank() ? null : meetingLink.strip();
        if (link != null && (link.length() > MAX_LINK || !link.toLowerCase(Locale.ROOT).matches("https?://\\S+"))) {
            throw new RuleViolation("meetingLink", "recruiter.error.link", MAX_LINK);
        }
        return db.inTransaction(s -> {
            Recruiter r = s.find(Recruiter.class, id);
            if (r == null) {
                throw new IllegalArgumentException("No recruiter " + id);
            }
            String before = r.getName() + " " + r.getZone() + " " + r.getMeetingLink();
            r.setName(cleanName);
            r.setZone(zone);
            r.setMeetingLink(link);
            audit.record(s, caller, "recruiter.profile", "recruiter", id, before,
                    cleanName + " " + zone + " " + link);
            return r;
        });
    }
}
