package dev.recruitdesk.delivery;

import java.time.Instant;

/**
 * A snapshot of the leader lease for the status bar and the Delivery screen.
 *
 * @param teamMode   the database is shared (PostgreSQL); false for the embedded file, where this console always leads
 * @param leader     this console runs the dispatcher and the poller now
 * @param selfId     this console's owner id (host:pid:uuid)
 * @param leaderId   the current or last leader's owner id, or {@code null} if no console has led yet
 * @param leaderHost the leader's host, or {@code null}
 * @param leaderPid  the leader's process id, 0 if unknown
 * @param leaderUser the leader's operating-system user, or {@code null}
 * @param epoch      incremented on every takeover; 0 if no console has led yet
 * @param acquiredAt when the leader took over, or {@code null}
 * @param renewedAt  when the leader last proved it is alive, or {@code null}
 * @param expiresAt  when the lease runs out without renewal, or {@code null}
 * @param alert      a problem people must see (e.g. another bot instance polls the token), or {@code null}
 * @param alertAt    when the alert was raised, or {@code null}
 */
public record LeaseStatus(boolean teamMode, boolean leader, String selfId, String leaderId, String leaderHost,
                          long leaderPid, String leaderUser, long epoch, Instant acquiredAt, Instant renewedAt,
                          Instant expiresAt, String alert, Instant alertAt) {

    /** Whether the row says some console leads at {@code now}. */
    public boolean leaderAlive(Instant now) {
        return expiresAt != null && expiresAt.isAfter(now);
    }
}
