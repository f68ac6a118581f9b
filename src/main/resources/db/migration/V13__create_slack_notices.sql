-- One-off Slack posts about a change that are not its message: reminders, escalations, "soak
-- complete", "I could not post your change". Written in the transaction that decided to send them
-- and delivered by the outbox worker, like the change messages, so a crash or a Slack outage
-- delays them but never loses them. Unlike change messages, every notice is posted, once.
CREATE TABLE slack_notice (
    id              BIGSERIAL PRIMARY KEY,
    workspace_id    TEXT        NOT NULL,
    change_number   BIGINT      NOT NULL,
    -- A channel id, or a user id for a direct message.
    recipient       TEXT        NOT NULL,
    text            TEXT        NOT NULL,
    -- Posted as a reply under the change's message when it has one.
    in_thread       BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMPTZ NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    delivered_at    TIMESTAMPTZ,
    failed_at       TIMESTAMPTZ,
    last_error      TEXT
);

CREATE INDEX slack_notice_due ON slack_notice (next_attempt_at) WHERE delivered_at IS NULL AND failed_at IS NULL;
