-- The changes that could clash with a delivery batch's windows (PostgresChangeSlots, read for every batch of
-- message updates): those under way, and those pending or approved whose planned window overlaps the batch's.
-- Read through change_request_open in number order, that meant every open change of the workspace: 9.6 ms a
-- batch with the bench's 14,610 pending changes, an eighth of PostgreSQL's CPU under its mixed traffic
-- (docs/performance/ack-path-eleventh-session.md). These hold only what each part of the read needs.

-- Changes under way: in the way whatever their window, and few at any time.
CREATE INDEX change_request_under_way ON change_request (workspace_id)
    WHERE state IN ('IN_PROGRESS', 'SOAKING');

-- Planned windows by their start: the read takes the starts before the batch's end and after its start less the
-- longest planned duration...
CREATE INDEX change_request_planned ON change_request (workspace_id, proposed_start)
    WHERE state IN ('PENDING_APPROVAL', 'APPROVED') AND expected_duration_s > 0;

-- ...which this one gives in one step (the last entry of the workspace's).
CREATE INDEX change_request_planned_duration ON change_request (workspace_id, expected_duration_s)
    WHERE state IN ('PENDING_APPROVAL', 'APPROVED') AND expected_duration_s > 0;
