-- The policy's service a change is to (issue 14). Null for changes under a policy without
-- services, and for every change recorded before changes had one.
ALTER TABLE change_request ADD COLUMN service TEXT;
