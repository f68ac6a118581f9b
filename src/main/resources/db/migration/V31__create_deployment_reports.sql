-- Deployment reports through the API (issue 14): each Idempotency-Key of a token is acted on once;
-- a retry gets the first answer back (status and body), and nothing happens twice.
CREATE TABLE deployment_report (
    id              BIGSERIAL PRIMARY KEY,
    workspace_id    TEXT        NOT NULL,
    token_id        BIGINT      NOT NULL REFERENCES api_token (id),
    idempotency_key TEXT        NOT NULL,
    change_number   BIGINT      NOT NULL,
    status          TEXT        NOT NULL,
    environment     TEXT        NOT NULL,
    request_body    JSONB       NOT NULL,
    response_status INT         NOT NULL,
    response_body   JSONB       NOT NULL,
    reported_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (token_id, idempotency_key)
);
