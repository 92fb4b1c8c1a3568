package dev.recruitdesk.booking;

import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.CandidateInvite;
import dev.recruitdesk.store.Database;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Invite links for candidates created in the console: a one-time random code ({@code /start <code>}) valid for
 * {@link #VALID_FOR}, which binds the Telegram chat that redeems it to the candidate. Codes are never logged.
 * Same API as the journey branch's class of this name, so the console works with either.
 */
public final class InviteService {

    public static final Duration VALID_FOR = Duration.ofDays(7);
    /** What Telegram allows in a deep-link payload: 1–64 of A–Z, a–z, 0–9, _ and -. */
    public static final Pattern CODE_SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private static final Logger log = LoggerFactory.getLogger(InviteService.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int CODE_LENGTH = 20;

    private final Database db;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public InviteService(Database db, Clock clock) {
        this.db = db;
        this.clock = Objects.requireNonNull(clock);
    }

    /** A new one-time code for the candidate; earlier unused codes stay valid until they expire. */
    public String create(long candidateId) {
        Instant now = clock.instant();
        return db.inTransaction(s -> {
            if (s.find(Candidate.class, candidateId) == null) {
                throw new RuleViolation("", "candidate.error.gone");
            }
            String code = newCode();
            CandidateInvite invite = new CandidateInvite(code, candidateId, now, now.plus(VALID_FOR));
            s.persist(invite);
            s.flush();
            log.info("invite.created id={} candidate={} expires={}", invite.getId(), candidateId, invite.getExpiresAt());
            return code;
        });
    }

    /** The deep link of a code for the bot {@code @botUsername}. */
    public static String link(String botUsername, String code) {
        return "https://t.me/" + botUsername + "?start=" + code;
    }

    /**
     * Redeems {@code code} in {@code s}'s transaction: binds the chat to the invited candidate, once. An unknown,
     * used or expired code gives nothing (the same user redeeming their own code again gets their candidate).
     */
    public Optional<Candidate> redeem(Session s, String code, long userId, long chatId, String username) {
        if (code == null || !CODE_SHAPE.matcher(code).matches()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        CandidateInvite invite = s.createSelectionQuery("from CandidateInvite where code = :c", CandidateInvite.class)
                .setParameter("c", code).getResultList().stream().findFirst().orElse(null);
        if (invite == null || (invite.isUsed() && invite.getUsedByUserId() != userId) || (!invite.isUsed() && invite.isExpired(now))) {
            log.info("invite.refused user={} known={}", userId, invite != null);
            return Optional.empty();
        }
        Candidate invited = s.find(Candidate.class, invite.getCandidateId());
        if (!invite.isUsed()) {
            invited.bindTelegram(userId, chatId, username);
            invite.use(userId, now);
            log.info("invite.redeemed id={} candidate={} user={}", invite.getId(), invited.getId(), userId);
        }
        return Optional.of(invited);
    }

    private String newCode() {
        StringBuilder sb = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
