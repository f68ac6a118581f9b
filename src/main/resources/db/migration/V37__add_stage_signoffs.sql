-- The approvals given during a change's deployment (before an environment, a rollout step or a
-- rollback; issue 15 item 3), in order: [{before, step, approver, at, roles}, ...]. Each one is also
-- an event of the audit trail (StageApproved, StageApprovalRevoked); this is the current state.
ALTER TABLE change_request ADD COLUMN stage_signoffs JSONB NOT NULL DEFAULT '[]'::jsonb;
