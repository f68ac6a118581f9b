-- A change started against the calendar records who overrode which rules and why (the exception
-- is also in the audit trail as ChangeStartedByOverride).
ALTER TABLE change_request ADD COLUMN override_by TEXT;
ALTER TABLE change_request ADD COLUMN override_at TIMESTAMPTZ;
ALTER TABLE change_request ADD COLUMN override_justification TEXT;
ALTER TABLE change_request ADD COLUMN override_rules JSONB;

-- Freezes declared in Slack with /change freeze start, lifted with /change freeze end.
CREATE TABLE declared_freeze (
    id           BIGSERIAL PRIMARY KEY,
    workspace_id TEXT        NOT NULL,
    reason       TEXT        NOT NULL,
    declared_by  TEXT        NOT NULL,
    starts_at    TIMESTAMPTZ NOT NULL,
    ends_at      TIMESTAMPTZ,
    lifted_by    TEXT,
    lifted_at    TIMESTAMPTZ,
    CHECK (ends_at IS NULL OR ends_at > starts_at)
);

CREATE INDEX declared_freeze_active ON declared_freeze (workspace_id) WHERE lifted_at IS NULL;
