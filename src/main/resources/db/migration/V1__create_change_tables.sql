-- Change requests, their approvals and their append-only audit trail.
-- Every record carries the Slack workspace id, so several workspaces can share one database later.

CREATE TABLE change_number (
    workspace_id TEXT PRIMARY KEY,
    last_number  BIGINT NOT NULL
);

CREATE TABLE change_request (
    id                  BIGSERIAL PRIMARY KEY,
    workspace_id        TEXT        NOT NULL,
    number              BIGINT      NOT NULL,
    requester_id        TEXT        NOT NULL,
    origin_channel_id   TEXT        NOT NULL,
    title               TEXT        NOT NULL,
    description         TEXT        NOT NULL,
    justification       TEXT,
    systems_affected    TEXT        NOT NULL,
    environment         TEXT        NOT NULL,
    risk                TEXT        NOT NULL CHECK (risk IN ('LOW', 'MEDIUM', 'HIGH')),
    implementation_plan TEXT        NOT NULL,
    rollback_plan       TEXT        NOT NULL,
    testing_evidence    TEXT        NOT NULL,
    proposed_start      TIMESTAMPTZ NOT NULL,
    expected_duration_s BIGINT      NOT NULL CHECK (expected_duration_s > 0),
    requested_at        TIMESTAMPTZ NOT NULL,
    state               TEXT        NOT NULL,
    rejected_by         TEXT,
    rejection_reason    TEXT,
    rejected_at         TIMESTAMPTZ,
    message_channel_id  TEXT,
    message_ts          TEXT,
    updated_at          TIMESTAMPTZ NOT NULL,
    UNIQUE (workspace_id, number)
);

CREATE INDEX change_request_open ON change_request (workspace_id, number)
    WHERE state NOT IN ('COMPLETED', 'REJECTED', 'CANCELLED', 'FAILED', 'ROLLED_BACK');

CREATE TABLE change_approval (
    id          BIGSERIAL PRIMARY KEY,
    change_id   BIGINT      NOT NULL REFERENCES change_request (id),
    approver_id TEXT        NOT NULL,
    approved_at TIMESTAMPTZ NOT NULL,
    -- One approval per person per change, whatever the retries and replays.
    UNIQUE (change_id, approver_id)
);

CREATE TABLE change_event (
    id           BIGSERIAL PRIMARY KEY,
    change_id    BIGINT      NOT NULL REFERENCES change_request (id),
    workspace_id TEXT        NOT NULL,
    type         TEXT        NOT NULL,
    actor_id     TEXT        NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    details      JSONB       NOT NULL DEFAULT '{}'::jsonb,
    recorded_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX change_event_by_change ON change_event (change_id, id);

-- The audit trail is append-only: the database itself refuses to rewrite history.
CREATE FUNCTION refuse_audit_rewrite() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'change_event is append-only: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER change_event_append_only
    BEFORE UPDATE OR DELETE ON change_event
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_rewrite();

CREATE TRIGGER change_event_no_truncate
    BEFORE TRUNCATE ON change_event
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_rewrite();
