-- A token that may only read (issue 16): the metrics, the reports and the changes, for a dashboard
-- or a report job; it opens no gate check and reports no deployment.
ALTER TABLE api_token ADD COLUMN read_only BOOLEAN NOT NULL DEFAULT false;
