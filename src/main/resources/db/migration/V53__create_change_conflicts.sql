-- Each conflict between two changes, recorded once when it is found (issue 17): the pair is unordered
-- (change_low < change_high), so the unique key on the pair and the kind lets one of two instances, or a
-- retry, insert it and the others see it there: the threads of both changes are told once. The evidence
-- pack's conflicts.csv reads it; rule is the requesting class's conflicts: setting then (warn or block).
CREATE TABLE change_conflict (
    workspace_id  TEXT        NOT NULL,
    change_low    BIGINT      NOT NULL,
    change_high   BIGINT      NOT NULL,
    kind          TEXT        NOT NULL,
    requested     BIGINT      NOT NULL,
    overlap_start TIMESTAMPTZ NOT NULL,
    overlap_end   TIMESTAMPTZ NOT NULL,
    rule          TEXT        NOT NULL,
    detected_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (workspace_id, change_low, change_high, kind),
    CHECK (change_low < change_high),
    CHECK (requested = change_low OR requested = change_high)
);

-- The evidence pack reads a month at a time; a change's partners are read when it leaves the calendar.
CREATE INDEX change_conflict_detected ON change_conflict (workspace_id, detected_at);
CREATE INDEX change_conflict_high ON change_conflict (workspace_id, change_high);
