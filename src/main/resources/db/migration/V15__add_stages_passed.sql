-- The environments a change is through (deployed, and soaked where its class says so), in order:
-- production waits until every soak stage before it is behind the change.
ALTER TABLE change_request ADD COLUMN stages_passed JSONB NOT NULL DEFAULT '[]'::jsonb;
