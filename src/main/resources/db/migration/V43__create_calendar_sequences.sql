-- What the iCal feed last showed of each change (its planned window and status, as a fingerprint) and
-- the SEQUENCE it showed it with: raised, atomically, whenever the fingerprint differs, so calendar
-- apps take the newer version, whichever instance serves the feed. Rows of changes no longer open are
-- kept while the feed still shows them (cancelled or done within the last 30 days).
CREATE TABLE calendar_sequence (
    workspace_id  TEXT        NOT NULL,
    change_number BIGINT      NOT NULL,
    fingerprint   TEXT        NOT NULL,
    sequence      INTEGER     NOT NULL DEFAULT 0,
    updated_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (workspace_id, change_number)
);
