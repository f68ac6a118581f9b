-- The monthly report posted to the policy's reports channel (issue 16): one row per workspace and
-- period, claimed before the post, so that two nodes, a retried Quartz fire or a restart on the
-- same morning post it once. A failed post gives its claim back.
CREATE TABLE report_post (
    workspace_id TEXT NOT NULL,
    period TEXT NOT NULL,
    claimed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (workspace_id, period)
);
