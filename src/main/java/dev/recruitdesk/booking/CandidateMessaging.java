package dev.recruitdesk.booking;

import dev.recruitdesk.delivery.Outbox;
import dev.recruitdesk.delivery.OutgoingMessage;
import dev.recruitdesk.delivery.Regarding;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A recruiter's free-text message to a candidate, written in the console and sent through the outbox as written
 * (plain text, no template). The journey branch's {@code RecruiterMessages} has the same method.
 */
public final class CandidateMessaging {

    public static final int MAX_LENGTH = 3000;
    /** The kind and dedup-key prefix of these messages in the outbox. */
    public static final String KIND = "recruiter_message";
    static final Duration LIFETIME = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(CandidateMessaging.class);

    private final Database db;
    private final Outbox outbox;
    private final Clock clock;

    public CandidateMessaging(Database db, Outbox outbox, Clock clock) {
        this.db = db;
        this.outbox = Objects.requireNonNull(outbox);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Queues {@code text} for the candidate's chat and returns its dedup key. Refused (field {@code text}) when empty
     * or too long, when the candidate never started the bot, and when they blocked it.
     */
    public String sendMessageToCandidate(long candidateId, String text, long recruiterId) {
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
            if (c == null) {
                throw new RuleViolation("", "candidate.error.gone");
            }
            if (c.getChatId() == null) {
                throw new RuleViolation("text", "message.error.noChat");
            }
            if (!c.isReachable()) {
                throw new RuleViolation("text", "message.error.blocked");
            }
            String key = KIND + ":candidate-" + candidateId + ":" + UUID.randomUUID();
            outbox.enqueue(s, key, KIND, Regarding.candidate(candidateId), new OutgoingMessage(c.getChatId(), body, null, null),
                    now, now.plus(LIFETIME));
            log.info("message.queued candidate={} recruiter={} chars={}", candidateId, recruiterId, body.length());
            return key;
        });
    }
}
