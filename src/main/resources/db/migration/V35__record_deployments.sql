-- Every deployment pipelines report (the API, GitHub's deployment_status), covered or not
-- (issue 14): what soaks, evidence and metrics read. "Covered" means an allowed gate check or an
-- approved change (in progress, not frozen) stood behind it; a successful deployment that was not
-- is an unauthorized change, POL-012's KPI that must stay 0, and is escalated when it is recorded.
CREATE TABLE deployment (
    id              BIGSERIAL PRIMARY KEY,
    workspace_id    TEXT        NOT NULL,
    -- 'api' (a pipeline's token) or 'github' (a deployment_status webhook).
    source          TEXT        NOT NULL CHECK (source IN ('api', 'github')),
    -- The token's name, or the GitHub login that created the status.
    reported_by     TEXT        NOT NULL,
    change_number   BIGINT,
    check_id        BIGINT REFERENCES gate_check (id),
    service         TEXT,
    environment     TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('started', 'succeeded', 'failed', 'rolled_back')),
    percent         INT,
    sha             TEXT,
    version         TEXT,
    url             TEXT,
    -- The pipeline run that deployed it, as the report named it (provider, run, link).
    pipeline_provider TEXT,
    pipeline_run    TEXT,
    pipeline_url    TEXT,
    started_at      TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ,
    reported_at     TIMESTAMPTZ NOT NULL,
    covered         BOOLEAN     NOT NULL,
    -- Why it was not covered, in words: no change named, the change not approved, a freeze.
    uncovered_why   TEXT,
    CHECK (covered = (uncovered_why IS NULL))
);

CREATE INDEX deployment_by_change ON deployment (workspace_id, change_number, id) WHERE change_number IS NOT NULL;
CREATE INDEX deployment_unauthorized ON deployment (workspace_id, reported_at)
    WHERE NOT covered AND status = 'succeeded';

-- A report about a deployment no change covers names no change; its idempotency record points at what it kept.
ALTER TABLE deployment_report ALTER COLUMN change_number DROP NOT NULL;
ALTER TABLE deployment_report ADD COLUMN deployment_id BIGINT REFERENCES deployment (id);

-- An unauthorized deployment is told to the escalation channel, and may concern no change.
ALTER TABLE slack_notice ALTER COLUMN change_number DROP NOT NULL;

-- The pipeline run a gate check came from, for the change's message ("deploying from run 1234").
CREATE INDEX gate_check_by_change ON gate_check (workspace_id, change_number, id);

-- A report that names neither a check nor a change is covered by an allowed check of its commit.
CREATE INDEX gate_check_allowed_commit ON gate_check (workspace_id, environment, lower(request_body ->> 'sha'))
    WHERE state = 'allowed';

-- GitHub's deployment_status names the deployment its protection request was for.
CREATE INDEX github_protection_request_by_deployment ON github_protection_request (repository, deployment_id)
    WHERE deployment_id IS NOT NULL;
