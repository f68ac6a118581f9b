-- GitHub asks, through a deployment_protection_rule webhook, whether a workflow run may deploy to
-- an environment; the answer may come hours later, after a restart or from another node. The
-- request is kept from the moment it is acknowledged (its delivery id once: GitHub redelivers), and
-- what goes back to GitHub (status reports, then one review) waits in github_reply, a queue like
-- the Slack outbox: retried with backoff, paused on GitHub's rate limits.
CREATE TABLE github_protection_request (
    id              BIGSERIAL PRIMARY KEY,
    delivery_id     TEXT        NOT NULL UNIQUE,
    installation_id BIGINT      NOT NULL,
    repository      TEXT        NOT NULL,
    environment     TEXT        NOT NULL,
    run_id          BIGINT      NOT NULL,
    callback_url    TEXT        NOT NULL,
    deployment_id   BIGINT,
    sha             TEXT,
    ref             TEXT,
    event           TEXT,
    sender          TEXT,
    change_number   BIGINT,
    received_at     TIMESTAMPTZ NOT NULL,
    -- The gate check that decides it (V30), once opened; its settling is what GitHub is told.
    check_id        BIGINT REFERENCES gate_check (id)
);

CREATE INDEX github_protection_request_by_check ON github_protection_request (check_id) WHERE check_id IS NOT NULL;

CREATE INDEX github_protection_request_by_run ON github_protection_request (repository, run_id, environment);

CREATE TABLE github_reply (
    id              BIGSERIAL PRIMARY KEY,
    request_id      BIGINT      NOT NULL REFERENCES github_protection_request (id),
    kind            TEXT        NOT NULL CHECK (kind IN ('report', 'review')),
    state           TEXT        CHECK (state IN ('approved', 'rejected')),
    comment         TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    delivered_at    TIMESTAMPTZ,
    failed_at       TIMESTAMPTZ,
    last_error      TEXT,
    CHECK ((kind = 'review') = (state IS NOT NULL))
);

-- A run is approved or rejected once; a second decision would be refused by GitHub anyway.
CREATE UNIQUE INDEX github_reply_one_review ON github_reply (request_id) WHERE kind = 'review';
CREATE INDEX github_reply_due ON github_reply (next_attempt_at) WHERE delivered_at IS NULL AND failed_at IS NULL;
