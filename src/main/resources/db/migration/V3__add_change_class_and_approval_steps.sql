-- Changes follow the policy: each belongs to a class of it, carries the extra fields that class
-- asks for, and each approval counts toward one step of the class's approval chain.

ALTER TABLE change_request ADD COLUMN class_name TEXT;
UPDATE change_request SET class_name = 'normal' WHERE class_name IS NULL;
ALTER TABLE change_request ALTER COLUMN class_name SET NOT NULL;
ALTER TABLE change_request ADD COLUMN extra_fields JSONB NOT NULL DEFAULT '{}'::jsonb;

ALTER TABLE change_approval ADD COLUMN step INT NOT NULL DEFAULT 1 CHECK (step >= 1);
ALTER TABLE change_approval DROP CONSTRAINT change_approval_change_id_approver_id_key;
-- One approval per person per step, whatever the retries and replays; whether one person may
-- approve two steps is the policy's call, checked under the change's row lock.
ALTER TABLE change_approval ADD CONSTRAINT change_approval_once_per_step UNIQUE (change_id, step, approver_id);
