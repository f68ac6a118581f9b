-- Gate checks (issue 14, docs/gate.md): a pipeline asks whether a deploy may go; the answer is
-- kept, and pending ones are decided again until they settle. The Idempotency-Key is unique per
-- token: a retry with the same key gets the same check.
CREATE TABLE gate_check (
    id              BIGSERIAL PRIMARY KEY,
    public_id       TEXT        NOT NULL UNIQUE,
    workspace_id    TEXT        NOT NULL,
    token_id        BIGINT      NOT NULL REFERENCES api_token (id),
    idempotency_key TEXT        NOT NULL,
    request_body    JSONB       NOT NULL,
    change_number   BIGINT      NOT NULL,
    service         TEXT,
    environment     TEXT        NOT NULL,
    state           TEXT        NOT NULL CHECK (state IN ('pending', 'allowed', 'prevented', 'invalid')),
    reasons         JSONB       NOT NULL DEFAULT '[]'::jsonb,
    next_open       TIMESTAMPTZ,
    deadline        TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL,
    settled_at      TIMESTAMPTZ,
    UNIQUE (token_id, idempotency_key)
);

-- What the settler looks at every second: only the pending few.
CREATE INDEX gate_check_pending ON gate_check (id) WHERE state = 'pending';
