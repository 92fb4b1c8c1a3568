package dev.recruitdesk.booking;

import dev.recruitdesk.accounts.AuditLog;
import dev.recruitdesk.accounts.Caller;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.store.Database;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.regex.Pattern;

/** Candidates: created by a recruiter in the console or by the bot when someone starts it. */
public class CandidateService {

    private final Database db;
    private final AuditLog audit;

    public CandidateService(Database db) {
        this(db, Clock.systemUTC());
    }

    public CandidateService(Database db, Clock clock) {
        this.db = db;
        this.audit = new AuditLog(clock);
    }

    public Candidate create(Caller caller, String name, String zoneId) {
        return create(caller, name, zoneId, null, null);
    }

    /** Telegram usernames: 5–32 letters, digits and underscores (an @ in front is dropped). */
    static final Pattern USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{4,31}");
    /** Phone numbers as people type them: digits with an optional +, spaces, dashes, dots and brackets. */
    static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ().-]{4,30}");

    /**
     * A candidate the recruiter adds in the console, to invite to the bot. Username and phone are optional; a
     * username lets the recruiter open a Telegram chat with them before they start the bot. The candidate is in the
     * caller's scope from then on; the creation is audited.
     */
    public Candidate create(Caller caller, String name, String zoneId, String username, String phone) {
        if (name == null || name.isBlank()) {
            throw new RuleViolation("name", "candidate.error.name");
        }
        ZoneId zone = parseZone(zoneId);
        String user = username == null ? "" : username.strip();
        if (user.startsWith("@")) {
            user = user.substring(1);
        }
        if (!user.isEmpty() && !USERNAME.matcher(user).matches()) {
            throw new RuleViolation("username", "candidate.error.username");
        }
        String tel = phone == null ? "" : phone.strip();
        if (!tel.isEmpty() && !PHONE.matcher(tel).matches()) {
            throw new RuleViolation("phone", "candidate.error.phone");
        }
        String u = user.isEmpty() ? null : user;
        String p = tel.isEmpty() ? null : tel;
        return db.inTransaction(s -> {
            Candidate c = new Candidate(name, zone);
            c.setUsername(u);
            c.setPhone(p);
            c.setAddedByRecruiterId(caller.recruiterId());
            s.persist(c);
            s.flush();
            audit.record(s, caller, "candidate.create", "candidate", c.getId(), null,
                    c.getName() + " " + zone + (u == null ? "" : " @" + u) + (p == null ? "" : " " + p));
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
