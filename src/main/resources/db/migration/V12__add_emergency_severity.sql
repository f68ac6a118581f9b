-- An emergency's incident severity (P1, SEV2...): while it is in progress, the policy's
-- active-incident freezes for that severity hold.
ALTER TABLE change_request ADD COLUMN severity TEXT;
