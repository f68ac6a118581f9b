-- Slack allows chat.update about 50 times a minute per workspace (Tier 3), whichever node calls it.
-- Each update takes the workspace's next slot here (a token bucket kept as one timestamp: the
-- theoretical time the bucket is empty again), so the pace holds across the cluster.
CREATE TABLE slack_update_pace (
    workspace_id   TEXT        PRIMARY KEY,
    theoretical_at TIMESTAMPTZ NOT NULL
);

-- An update that found the workspace's bucket empty holds the slot it was given: it waits until
-- then without being claimed, even when newer announcements make its row due earlier (they are
-- coalesced into it), and is sent at its slot without taking another one.
ALTER TABLE slack_outbox ADD COLUMN update_slot TIMESTAMPTZ;
