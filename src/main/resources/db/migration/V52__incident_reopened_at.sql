-- PagerDuty's incident.reopened (issue 18): a resolved incident re-triggered is open again.
-- reopened_at: the newest reopening applied. turned_at: the time of the newest resolve or reopen
-- applied; a status report older than it belongs to an earlier stretch of the incident and changes
-- no status (providers retry out of order). NULL for incidents recorded before this was kept.
ALTER TABLE incident ADD COLUMN reopened_at TIMESTAMPTZ;
ALTER TABLE incident ADD COLUMN turned_at TIMESTAMPTZ;
