package dev.recruitdesk.booking;

import dev.recruitdesk.accounts.AuditLog;
import dev.recruitdesk.accounts.Caller;
import dev.recruitdesk.delivery.Outbox;
import dev.recruitdesk.delivery.Regarding;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.Recruiter;
import dev.recruitdesk.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A recruiter's free-text message to a candidate, written in the console and sent through the outbox. */
public final class RecruiterMessages {

    public static final int MAX_LENGTH = 3000;
    static final Duration LIFETIME = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(RecruiterMessages.class);

    private final Database db;
    private final Outbox outbox;
    private final CandidateNotices notices;
    private final Clock clock;
    private final AuditLog audit;

    public RecruiterMessages(Database db, Outbox outbox, CandidateNotices notices, Clock clock) {
        this.db = db;
        this.outbox = Objects.requireNonNull(outbox);
        this.notices = Objects.requireNonNull(notices);
        this.clock = Objects.requireNonNull(clock);
        this.audit = new AuditLog(clock);
    }

    /**
     * Queues {@code text} for the candidate's chat under the recruiter's name and returns the dedup key. Refused
     * (inline, field {@code text}) when empty or too long, and when the candidate has no chat with the bot.
     */
    public String sendMessageToCandidate(Caller caller, long candidateId, String text) {
        long recruiterId = caller.recruiterId();
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new RuleViolation("text", "message.error.empty");
        }
        if (body.length() > MAX_LENGTH) {
            throw new RuleViolation("text", "message.error.tooLong", MAX_LENGTH);
        }
        Instant now = clock.instant();
        return db.inTransaction(s -> {
            Candidate c = s.find(Candidate.class, candidateId);
            Recruiter r = s.find(Recruiter.class, recruiterId);
            if (c == null || r == null) {
                throw new IllegalArgumentException("No candidate " + candidateId + " or recruiter " + recruiterId);
            }
            Scope.requireCandidate(s, caller, candidateId);
            if (c.getChatId() == null) {
                throw new RuleViolation("text", "message.error.noChat");
            }
            String key = "recruiter_message:candidate-" + candidateId + ":" + UUID.randomUUID();
            outbox.enqueue(s, key, "recruiter_message", Regarding.candidate(candidateId),
                    notices.recruiterMessage(c, r.getName(), body), now, now.plus(LIFETIME));
            log.info("message.queued candidate={} recruiter={} chars={}", candidateId, recruiterId, body.length());
            audit.record(s, caller, "message.send", "candidate", candidateId, null, body);
            return key;
        });
    }
}
