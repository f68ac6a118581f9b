-- API tokens (issue 14, docs/gate.md): a pipeline's bearer token, scoped to services and
-- environments. Only the SHA-256 of the token's text is kept (hex): the text is shown once, to
-- whoever created it. A revoked token stays, so lists and the audit trail can name it.
CREATE TABLE api_token (
    id           BIGSERIAL PRIMARY KEY,
    workspace_id TEXT        NOT NULL,
    name         TEXT        NOT NULL,
    token_hash   TEXT        NOT NULL UNIQUE,
    services     TEXT[]      NOT NULL DEFAULT '{}',
    environments TEXT[]      NOT NULL DEFAULT '{}',
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ,
    revoked_by   TEXT
);

-- One live token per name in a workspace (`/change token revoke NAME` must mean one token); a
-- revoked name can be reused.
CREATE UNIQUE INDEX api_token_live_name ON api_token (workspace_id, name) WHERE revoked_at IS NULL;
