-- Emergencies: who is the incident commander, and what the change owes afterwards (each
-- obligation with its absolute deadline, status, and who met it with what answers).
ALTER TABLE change_request ADD COLUMN incident_commander TEXT;
ALTER TABLE change_request ADD COLUMN obligations JSONB;
ALTER TABLE change_request ALTER COLUMN risk DROP NOT NULL;
-- What a request must say is the policy's call now (required_fields per class), and an
-- emergency is declared with a summary alone: these columns hold what was given.
ALTER TABLE change_request ALTER COLUMN description DROP NOT NULL;
ALTER TABLE change_request ALTER COLUMN systems_affected DROP NOT NULL;
ALTER TABLE change_request ALTER COLUMN implementation_plan DROP NOT NULL;
ALTER TABLE change_request ALTER COLUMN rollback_plan DROP NOT NULL;
ALTER TABLE change_request ALTER COLUMN testing_evidence DROP NOT NULL;
ALTER TABLE change_request ALTER COLUMN expected_duration_s DROP NOT NULL;
