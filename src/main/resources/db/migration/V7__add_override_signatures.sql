-- Overrides that need several roles ("Backend Lead + SRE Lead together") are signed person by
-- person: the signatures so far wait here; who signed is also in the audit trail.
ALTER TABLE change_request ADD COLUMN pending_override JSONB;
-- override_by now lists every signer, comma-separated.
