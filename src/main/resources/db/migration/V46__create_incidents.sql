-- Incidents from PagerDuty, incident.io, a generic webhook or /change incident start (issue 18).
-- One row per incident of a source; number is the INC-n people see, per workspace.
CREATE TABLE incident (
    workspace_id  TEXT        NOT NULL,
    number        BIGINT      NOT NULL,
    source        TEXT        NOT NULL,
    external_key  TEXT        NOT NULL,
    title         TEXT        NOT NULL,
    raw_severity  TEXT        NOT NULL,
    severity      TEXT        NOT NULL,
    services      TEXT[]      NOT NULL,
    all_services  BOOLEAN     NOT NULL,
    status        TEXT        NOT NULL CHECK (status IN ('TRIGGERED', 'ACKNOWLEDGED', 'RESOLVED')),
    links         TEXT[]      NOT NULL,
    -- The Slack channel it is worked in (where /change incident start was run): an emergency declared
    -- there is linked to it as a remediation.
    channel_id    TEXT,
    opened_at     TIMESTAMPTZ NOT NULL,
    resolved_at   TIMESTAMPTZ,
    updated_at    TIMESTAMPTZ NOT NULL,
    -- The banner in the change channel is posted once, by whichever node records the freeze first.
    banner_at     TIMESTAMPTZ,
    -- The digest of waiting changes is posted once, when the freeze lifts.
    digest_at     TIMESTAMPTZ,
    PRIMARY KEY (workspace_id, number),
    UNIQUE (workspace_id, source, external_key)
);

CREATE INDEX incident_open ON incident (workspace_id) WHERE digest_at IS NULL;

-- Each provider delivery once: a redelivery (or the same webhook reaching two nodes) is a no-op.
CREATE TABLE incident_delivery (
    workspace_id TEXT        NOT NULL,
    source       TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (workspace_id, source, event_id)
);

-- Changes linked to an incident: remediating it (an emergency in its channel, --incident INC-n) or
-- having caused it ("Caused by a change?", /change incident cause).
CREATE TABLE incident_change (
    workspace_id TEXT        NOT NULL,
    number       BIGINT      NOT NULL,
    change_number BIGINT     NOT NULL,
    link         TEXT        NOT NULL CHECK (link IN ('REMEDIATION', 'CAUSE')),
    linked_by    TEXT        NOT NULL,
    linked_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (workspace_id, number, change_number, link),
    FOREIGN KEY (workspace_id, number) REFERENCES incident (workspace_id, number)
);

CREATE INDEX incident_change_by_change ON incident_change (workspace_id, change_number);
