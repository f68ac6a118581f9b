-- How far a staged rollout has gone (the last percentage deployed); 0 before the first step.
ALTER TABLE change_request ADD COLUMN rollout_percent INT NOT NULL DEFAULT 0;
