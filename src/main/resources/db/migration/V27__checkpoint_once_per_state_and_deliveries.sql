-- Signed checkpoints (issue 13, docs/audit.md, "Signed checkpoints and the signing key").
-- A chain's state (its size; the head hash follows from it) is signed once, whichever node, job or
-- command signs it first: the others' inserts conflict and are dropped, so two nodes never record
-- (nor post) the same state twice.
CREATE UNIQUE INDEX audit_checkpoint_once_per_state ON audit_checkpoint (chain_id, size);

-- Posting checkpoints to the audit channel, with the outbox's bookkeeping (attempts, backoff,
-- Retry-After, leases). A queue, so its rows change; what was witnessed where (or why not) is
-- recorded for good in audit_checkpoint_post, which is append-only.
CREATE TABLE audit_checkpoint_delivery (
    id              BIGSERIAL PRIMARY KEY,
    checkpoint_id   BIGINT      NOT NULL UNIQUE REFERENCES audit_checkpoint (id),
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    delivered_at    TIMESTAMPTZ,
    failed_at       TIMESTAMPTZ,
    last_error      TEXT
);

CREATE INDEX audit_checkpoint_delivery_due ON audit_checkpoint_delivery (next_attempt_at)
    WHERE delivered_at IS NULL AND failed_at IS NULL;
