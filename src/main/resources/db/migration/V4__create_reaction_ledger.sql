-- The last known state of each reaction on a change's message, per person. Slack may deliver one
-- reaction several times (retries, or duplicates with different event ids) and out of order
-- (reaction_removed before its reaction_added); the newest event_ts per key wins, once.
CREATE TABLE reaction_ledger (
    channel_id    TEXT    NOT NULL,
    message_ts    TEXT    NOT NULL,
    reaction      TEXT    NOT NULL,
    user_id       TEXT    NOT NULL,
    present       BOOLEAN NOT NULL,
    last_event_ts NUMERIC NOT NULL,
    PRIMARY KEY (channel_id, message_ts, reaction, user_id)
);
