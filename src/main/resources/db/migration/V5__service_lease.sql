-- Team mode: which console runs the long-lived services (dispatcher, poller). The PostgreSQL advisory lock decides;
-- this row records the decision for people (status bar, Delivery screen) and fences a stale leader by its epoch.
-- Portable between H2 2.x and PostgreSQL.

CREATE TABLE service_lease (
    name         VARCHAR(64)  PRIMARY KEY,
    owner_id     VARCHAR(200) NOT NULL,
    owner_host   VARCHAR(200) NOT NULL,
    owner_pid    BIGINT       NOT NULL,
    owner_user   VARCHAR(200),
    -- incremented on every takeover: a leader whose epoch is no longer the row's has been replaced
    epoch        BIGINT       NOT NULL,
    acquired_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    renewed_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT service_lease_epoch_positive CHECK (epoch > 0),
    CONSTRAINT service_lease_expiry_after_renewal CHECK (expires_at >= renewed_at)
);
