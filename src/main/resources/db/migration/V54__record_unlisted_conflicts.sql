-- A request planned over many changes records its conflicts pair by pair (change_conflict) for the nearest
-- twenty only: n changes planned over each other would otherwise write n² rows. The rest are kept here as
-- one row per request (issue 17): how many other changes, of which kinds (names, comma-separated), and the
-- time they span, so conflicts.csv says a change was planned over more changes than it lists.
CREATE TABLE change_conflict_unlisted (
    workspace_id  TEXT        NOT NULL,
    change_number BIGINT      NOT NULL,
    other_changes INT         NOT NULL CHECK (other_changes > 0),
    kinds         TEXT        NOT NULL,
    span_start    TIMESTAMPTZ NOT NULL,
    span_end      TIMESTAMPTZ NOT NULL,
    rule          TEXT        NOT NULL,
    detected_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (workspace_id, change_number)
);

CREATE INDEX change_conflict_unlisted_detected ON change_conflict_unlisted (workspace_id, detected_at);
