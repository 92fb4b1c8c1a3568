package dev.recruitdesk.booking;

import dev.recruitdesk.accounts.AccessDenied;
import dev.recruitdesk.accounts.Caller;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's scope rules in one place: a recruiter sees and changes only rows of their own recruiter id, an
 * admin every row; a candidate is a recruiter's when they have (or had) a booking with them, were invited by them,
 * or were added by them in the console. Every refusal is logged here, so none goes unnoticed.
 */
final class Scope {

    private static final Logger log = LoggerFactory.getLogger(Scope.class);

    /**
     * SQL condition (on a {@code candidate} aliased {@code c}) true when the candidate is recruiter {@code ?}'s;
     * it takes the recruiter id three times.
     */
    static final String CANDIDATE_OF_RECRUITER_SQL = "(c.added_by_recruiter_id = ?"
            + " OR EXISTS (SELECT 1 FROM booking sb WHERE sb.candidate_id = c.id AND sb.recruiter_id = ?)"
            + " OR EXISTS (SELECT 1 FROM candidate_invite si WHERE si.candidate_id = c.id AND si.recruiter_id = ?))";

    private Scope() {
    }

    /** Refuses unless {@code caller} may act for {@code ownerRecruiterId}; {@code what} names the row's kind. */
    static void require(Caller caller, long ownerRecruiterId, String what, long id) {
        if (!caller.mayActFor(ownerRecruiterId)) {
            log.warn("access.denied caller={} role={} entity={}:{} owner={}", caller.name(), caller.role(), what, id, ownerRecruiterId);
            throw new AccessDenied(caller, "access.notYours", what);
        }
    }

    /** Refuses unless {@code caller} is an admin. */
    static void requireAdmin(Caller caller, String what) {
        if (!caller.isAdmin()) {
            log.warn("access.denied caller={} role={} adminOnly={}", caller.name(), caller.role(), what);
            throw new AccessDenied(caller, "access.adminOnly", what);
        }
    }

    /** The recruiter whose rows a read returns: an admin's choice (null for everyone's), or the recruiter's own. */
    static Long readFilter(Caller caller, Long onlyRecruiter) {
        if (caller.isAdmin()) {
            return onlyRecruiter;
        }
        if (onlyRecruiter != null && onlyRecruiter != caller.recruiterId()) {
            require(caller, onlyRecruiter, "recruiter", onlyRecruiter);
        }
        return caller.recruiterId();
    }

    /** True when the candidate is in the caller's scope (always for an admin). */
    static boolean mayActForCandidate(Session s, Caller caller, long candidateId) {
        if (caller.isAdmin()) {
            return true;
        }
        long r = caller.recruiterId();
        return s.doReturningWork(c -> {
            try (var ps = c.prepareStatement("SELECT 1 FROM candidate c WHERE c.id = ? AND " + CANDIDATE_OF_RECRUITER_SQL)) {
                ps.setLong(1, candidateId);
                ps.setLong(2, r);
                ps.setLong(3, r);
                ps.setLong(4, r);
                try (var rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** Refuses unless the candidate is in the caller's scope. */
    static void requireCandidate(Session s, Caller caller, long candidateId) {
        if (!mayActForCandidate(s, caller, candidateId)) {
            log.warn("access.denied caller={} role={} entity=candidate:{}", caller.name(), caller.role(), candidateId);
            throw new AccessDenied(caller, "access.notYours", "candidate");
        }
    }
}
