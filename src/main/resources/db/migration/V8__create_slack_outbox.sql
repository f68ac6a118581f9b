-- Slack posts and updates that are not part of a 3-second ack: written in the same transaction as
-- the state change they announce, delivered by a worker with retries, so a crash after the ack
-- loses nothing. A change's message has at most one pending row: delivery always renders the
-- change as it is then, so several state changes cost one update.
CREATE TABLE slack_outbox (
    id              BIGSERIAL PRIMARY KEY,
    workspace_id    TEXT        NOT NULL,
    change_number   BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    delivered_at    TIMESTAMPTZ,
    failed_at       TIMESTAMPTZ,
    last_error      TEXT
);

CREATE UNIQUE INDEX slack_outbox_one_pending_per_change ON slack_outbox (workspace_id, change_number)
    WHERE delivered_at IS NULL AND failed_at IS NULL;
CREATE INDEX slack_outbox_due ON slack_outbox (next_attempt_at) WHERE delivered_at IS NULL AND failed_at IS NULL;

-- Bumped by every new announcement of the change: a worker that delivered an older render sees
-- the bump and leaves the row pending, so the newest state is always delivered.
ALTER TABLE slack_outbox ADD COLUMN version INT NOT NULL DEFAULT 0;
