-- Subscriptions to the change calendar's iCal feed (GET /calendar/{token}.ics): only the SHA-256 of the
-- token in the URL is kept, as for API tokens. Revoked rows stay, so a revoked URL is told apart from
-- nothing only in this table, never in the answer (both are 404).
CREATE TABLE calendar_subscription (
    id           BIGSERIAL   PRIMARY KEY,
    workspace_id TEXT        NOT NULL,
    token_hash   TEXT        NOT NULL UNIQUE,
    services     TEXT[]      NOT NULL DEFAULT '{}',
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    revoked_at   TIMESTAMPTZ
);

CREATE INDEX calendar_subscription_live_by_person ON calendar_subscription (workspace_id, created_by)
    WHERE revoked_at IS NULL;
