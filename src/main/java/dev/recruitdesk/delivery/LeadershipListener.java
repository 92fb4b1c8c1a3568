package dev.recruitdesk.delivery;

/**
 * Starts and stops what only the leader runs (the dispatcher, the update poller). Called on the lease thread, one
 * call at a time, acquired and lost strictly alternating; a slow call delays the next renewal, so stop promptly.
 */
public interface LeadershipListener {

    /** This console is now the leader: start the services. */
    void onLeadershipAcquired(LeaseStatus status);

    /**
     * This console is no longer the leader (stepped down, lost its database connection, or is closing): stop the
     * services. Another console may already be leader when this runs.
     */
    void onLeadershipLost(String reason);

    /** Something people must see, e.g. another bot instance polls the same token. */
    default void onAlert(String alert) {
    }
}
