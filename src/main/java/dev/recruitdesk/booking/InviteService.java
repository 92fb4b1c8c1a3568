package dev.recruitdesk.booking;

import dev.recruitdesk.accounts.AuditLog;
import dev.recruitdesk.accounts.Caller;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.CandidateInvite;
import dev.recruitdesk.domain.Language;
import dev.recruitdesk.store.Database;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Invite links for candidates created in the console: a one-time random code ({@code /start <code>}) valid for
 * {@link #VALID_FOR}, which binds the chat that redeems it to the candidate. Codes are never logged in full.
 */
public final class InviteService {

    public static final Duration VALID_FOR = Duration.ofDays(7);
    /** What Telegram allows in a deep-link payload: 1–64 of A–Z, a–z, 0–9, _ and -. */
    public static final Pattern CODE_SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private static final Logger log = LoggerFactory.getLogger(InviteService.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int CODE_LENGTH = 20;

    /** What became of a redeemed code. */
    public enum Outcome { BOUND, USED, UNKNOWN, EXPIRED }

    /** The outcome and, when {@link Outcome#BOUND}, the candidate now bound to the chat. */
    public record Redeemed(Outcome outcome, Candidate candidate) {
    }

    private final Database db;
    private final Clock clock;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    public InviteService(Database db, Clock clock) {
        this.db = db;
        this.clock = Objects.requireNonNull(clock);
        this.audit = new AuditLog(clock);
    }

    /** A new one-time code for the candidate; earlier unused codes stay valid until they expire. */
    public String create(Caller caller, long candidateId) {
        Instant now = clock.instant();
        return db.inTransaction(s -> {
            if (s.find(Candidate.class, candidateId) == null) {
                throw new IllegalArgumentException("No candidate " + candidateId);
            }
            Scope.requireCandidate(s, caller, candidateId);
            String code = newCode();
            CandidateInvite invite = new CandidateInvite(code, candidateId, caller.recruiterId(), now, now.plus(VALID_FOR));
            s.persist(invite);
            s.flush();
            // the code itself is a credential until used: the audit names the invite, never the code
            audit.record(s, caller, "candidate.invite", "candidate", candidateId, null,
                    "invite " + invite.getId() + " expires " + invite.getExpiresAt());
            log.info("invite.created id={} candidate={} expires={}", invite.getId(), candidateId, invite.getExpiresAt());
            return code;
        });
    }

    /** The deep link of a code for the bot {@code @botUsername}. */
    public static String link(String botUsername, String code) {
        return "https://t.me/" + botUsername + "?start=" + code;
    }

    /**
     * Redeems {@code code} for the Telegram user in {@code s}'s transaction. The same user redeeming their own code
     * again is fine (BOUND); another user gets USED. A user already bound to another candidate (they started the
     * bot before following the link) is moved over to the invited one; the old record keeps its history.
     */
    public Redeemed redeem(Session s, String code, long userId, long chatId, String username, Language language) {
        if (code == null || !CODE_SHAPE.matcher(code).matches()) {
            return new Redeemed(Outcome.UNKNOWN, null);
        }
        Instant now = clock.instant();
        CandidateInvite invite = s.createSelectionQuery("from CandidateInvite where code = :c", CandidateInvite.class)
                .setParameter("c", code).getResultList().stream().findFirst().orElse(null);
        if (invite == null) {
            log.info("invite.unknown user={}", userId);
            return new Redeemed(Outcome.UNKNOWN, null);
        }
        if (invite.isUsed()) {
            boolean same = invite.getUsedByUserId() == userId;
            log.info("invite.used id={} user={} sameUser={}", invite.getId(), userId, same);
            return same ? new Redeemed(Outcome.BOUND, s.find(Candidate.class, invite.getCandidateId())) : new Redeemed(Outcome.USED, null);
        }
        if (invite.isExpired(now)) {
            log.info("invite.expired id={} user={}", invite.getId(), userId);
            return new Redeemed(Outcome.EXPIRED, null);
        }
        Candidate invited = s.find(Candidate.class, invite.getCandidateId());
        Candidate previous = CandidateJourney.candidateOfUser(s, userId);
        if (previous != null && !previous.getId().equals(invited.getId())) {
            previous.unbindTelegram();
            s.flush();
            log.info("invite.rebind user={} from={} to={}", userId, previous.getId(), invited.getId());
        }
        if (invited.getTelegramUserId() != null && invited.getTelegramUserId() != userId) {
            return new Redeemed(Outcome.USED, null);
        }
        invited.bindTelegram(userId, chatId, username);
        invited.setLanguage(language);
        invite.use(userId, now);
        log.info("invite.redeemed id={} candidate={} user={}", invite.getId(), invited.getId(), userId);
        return new Redeemed(Outcome.BOUND, invited);
    }

    private String newCode() {
        StringBuilder sb = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
