-- Reminder policy of the installation: one row (id = 1), absent until first saved (the code's defaults apply).
-- Portable between H2 2.x and PostgreSQL. A per-recruiter policy would add a nullable unique recruiter_id.

CREATE TABLE reminder_policy (
    id                         INTEGER      PRIMARY KEY,
    day_before_enabled         BOOLEAN      NOT NULL,
    day_before_minutes         INTEGER      NOT NULL,
    confirm_2h_enabled         BOOLEAN      NOT NULL,
    confirm_2h_minutes         INTEGER      NOT NULL,
    starting_soon_enabled      BOOLEAN      NOT NULL,
    starting_soon_minutes      INTEGER      NOT NULL,
    unconfirmed_alert_enabled  BOOLEAN      NOT NULL,
    unconfirmed_alert_minutes  INTEGER      NOT NULL,
    -- quiet hours as minutes after local midnight, in the recipient's zone; kept while switched off
    quiet_enabled              BOOLEAN      NOT NULL,
    quiet_start_minute         INTEGER      NOT NULL,
    quiet_end_minute           INTEGER      NOT NULL,
    updated_at                 TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version                    BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT reminder_policy_single_row CHECK (id = 1),
    -- offsets 5 minutes to 72 hours
    CONSTRAINT reminder_policy_offsets CHECK (
        day_before_minutes BETWEEN 5 AND 4320 AND confirm_2h_minutes BETWEEN 5 AND 4320
        AND starting_soon_minutes BETWEEN 5 AND 4320 AND unconfirmed_alert_minutes BETWEEN 5 AND 4320),
    CONSTRAINT reminder_policy_quiet CHECK (
        quiet_start_minute BETWEEN 0 AND 1439 AND quiet_end_minute BETWEEN 0 AND 1439
        AND quiet_start_minute <> quiet_end_minute)
);
