-- Pushes sent and failed, by the hour (one row per hour, added to as sends settle): the admin
-- console's "push sent/failed in the last 24 hours", across nodes and restarts.
CREATE TABLE push_hourly (
    hour   timestamptz PRIMARY KEY,
    sent   bigint      NOT NULL DEFAULT 0,
    failed bigint      NOT NULL DEFAULT 0
);
