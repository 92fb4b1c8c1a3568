package dev.recruitdesk.booking;

import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.store.Database;
import java.time.DateTimeException;
import java.time.ZoneId;

/** Candidates: created by a recruiter in the console or by the bot when someone starts it. */
public class CandidateService {

    private final Database db;

    public CandidateService(Database db) {
        this.db = db;
    }

    public Candidate create(String name, String zoneId) {
        if (name == null || name.isBlank()) {
            throw new RuleViolation("name", "candidate.error.name");
        }
        ZoneId zone = parseZone(zoneId);
        return db.inTransaction(s -> {
            Candidate c = new Candidate(name, zone);
            s.persist(c);
            return c;
        });
    }

    /** An IANA zone id, refused with a rule violation when it is not one. */
    public static ZoneId parseZone(String zoneId) {
        try {
            return ZoneId.of(zoneId);
        } catch (DateTimeException | NullPointerException e) {
            throw new RuleViolation("zone", "candidate.error.zone", String.valueOf(zoneId));
        }
    }
}
