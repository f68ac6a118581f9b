-- Which nudges were sent for which step of which change: each step gets one reminder and one
-- escalation at most, and a new step starts its own clock. The row is written in the same
-- transaction that decides to send, so two scheduler nodes never both send.
CREATE TABLE approval_nudge (
    change_id BIGINT      NOT NULL REFERENCES change_request (id),
    step      INT         NOT NULL,
    kind      TEXT        NOT NULL CHECK (kind IN ('REMINDER', 'ESCALATION')),
    sent_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (change_id, step, kind)
);
