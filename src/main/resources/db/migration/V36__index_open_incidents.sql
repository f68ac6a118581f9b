-- The calendar's open incidents (emergencies declared with a severity, not yet resolved) are read
-- on every decision that consults the calendar: an approval, a start, each gate settler pass.
-- Without an index of their own that read scanned the workspace's open changes (4 ms with 8,600
-- of them: docs/performance.md, "The gate under long-polls"); these few rows are all it needs.
CREATE INDEX change_request_open_incidents ON change_request (workspace_id)
    WHERE incident_commander IS NOT NULL AND severity IS NOT NULL AND state IN ('PENDING_APPROVAL', 'IN_PROGRESS');
