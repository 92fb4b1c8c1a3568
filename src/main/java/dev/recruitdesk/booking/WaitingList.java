package dev.recruitdesk.booking;

import dev.recruitdesk.delivery.Outbox;
import dev.recruitdesk.delivery.Regarding;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.WaitingEntry;
import dev.recruitdesk.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Candidates who found no free time. Publishing slots notifies every stay on the list once: the message's dedup
 * key names the stay ({@code new_slots:candidate-7:wait-12}), so a second publication (or a retry) sends nothing
 * more, and a candidate who finds nothing again later starts a new stay and is told again.
 */
public final class WaitingList {

    private static final Logger log = LoggerFactory.getLogger(WaitingList.class);
    /** A "new slots" notice older than this is no news any more. */
    static final Duration NOTICE_LIFETIME = Duration.ofDays(2);

    /** A row of the console's waiting list. */
    public record Waiting(long candidateId, String candidateName, String username, Instant joinedAt, Instant notifiedAt) {
    }

    private final Database db;
    private final Outbox outbox;
    private final CandidateNotices notices;
    private final Clock clock;

    public WaitingList(Database db, Outbox outbox, CandidateNotices notices, Clock clock) {
        this.db = db;
        this.outbox = Objects.requireNonNull(outbox);
        this.notices = Objects.requireNonNull(notices);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Puts the candidate on the list; a stay that was already notified is replaced by a new one. */
    public void join(Session s, long candidateId) {
        WaitingEntry entry = entryOf(s, candidateId);
        if (entry != null && !entry.isNotified()) {
            return;
        }
        if (entry != null) {
            s.remove(entry);
            s.flush();
        }
        WaitingEntry fresh = new WaitingEntry(candidateId, clock.instant());
        s.persist(fresh);
        log.info("waiting.joined candidate={}", candidateId);
    }

    /** Takes the candidate off the list (they booked). */
    public void leave(Session s, long candidateId) {
        WaitingEntry entry = entryOf(s, candidateId);
        if (entry != null) {
            s.remove(entry);
            log.info("waiting.left candidate={}", candidateId);
        }
    }

    /**
     * Tells every waiting candidate, once per stay, that new times are open; called in the transaction that
     * published the slots. Returns how many were told.
     */
    public int notifyNewSlots(Session s) {
        Instant now = clock.instant();
        List<WaitingEntry> waiting = s.createSelectionQuery("from WaitingEntry where notifiedAt is null order by joinedAt, id", WaitingEntry.class)
                .getResultList();
        int told = 0;
        for (WaitingEntry entry : waiting) {
            Candidate c = s.find(Candidate.class, entry.getCandidateId());
            entry.notified(now);
            if (c == null || c.getChatId() == null || !c.isReachable()) {
                continue;
            }
            outbox.enqueue(s, "new_slots:candidate-" + c.getId() + ":wait-" + entry.getId(), "new_slots",
                    Regarding.candidate(c.getId()), notices.newSlots(c), now, now.plus(NOTICE_LIFETIME));
            told++;
        }
        if (!waiting.isEmpty()) {
            log.info("waiting.notified candidates={} of={}", told, waiting.size());
        }
        return told;
    }

    /** The list as the console shows it, oldest stay first. */
    public List<Waiting> entries() {
        return db.inTransaction(s -> {
            List<WaitingEntry> entries = s.createSelectionQuery("from WaitingEntry order by joinedAt, id", WaitingEntry.class).getResultList();
            if (entries.isEmpty()) {
                return List.of();
            }
            Map<Long, Candidate> candidates = s.createSelectionQuery("from Candidate where id in :ids", Candidate.class)
                    .setParameter("ids", entries.stream().map(WaitingEntry::getCandidateId).toList())
                    .getResultList().stream().collect(Collectors.toMap(Candidate::getId, Function.identity()));
            return entries.stream().map(e -> {
                Candidate c = candidates.get(e.getCandidateId());
                return new Waiting(e.getCandidateId(), c == null ? "" : c.getName(), c == null ? null : c.getUsername(),
                        e.getJoinedAt(), e.getNotifiedAt());
            }).toList();
        });
    }

    private static WaitingEntry entryOf(Session s, long candidateId) {
        return s.createSelectionQuery("from WaitingEntry where candidateId = :c", WaitingEntry.class)
                .setParameter("c", candidateId).getResultList().stream().findFirst().orElse(null);
    }
}
