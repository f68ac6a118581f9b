-- Slack may deliver one slash command or form submission more than once. The first delivery's key
-- (trigger_id; view id and hash) is taken in the transaction that acts on it, with the answer it
-- was given: a redelivery, on any instance or after a restart, waits for that transaction, then
-- changes nothing and is answered the same. Redeliveries come within minutes; a day is kept.
CREATE TABLE slack_delivery (
    workspace_id TEXT        NOT NULL,
    kind         TEXT        NOT NULL,
    delivery_key TEXT        NOT NULL,
    answer       TEXT        NOT NULL DEFAULT '',
    received_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (workspace_id, kind, delivery_key)
);

CREATE INDEX slack_delivery_by_age ON slack_delivery (received_at);
