-- The tamper-evident audit log (issue 13); docs/audit.md describes the encoding and how to verify it.
-- One hash chain per workspace. What happens is first written where it always was (change_event,
-- declared_freeze) or, for facts that belong to no change, in audit_note; the sequencer then chains
-- those rows into audit_entry in the order it takes them, one workspace at a time, so the requests
-- that record events never wait on each other for the chain.

-- Facts that are not a change's own event: policy loaded, signing key rotated, evidence exported.
CREATE TABLE audit_note (
    id           BIGSERIAL PRIMARY KEY,
    workspace_id TEXT        NOT NULL,
    kind         TEXT        NOT NULL,
    actor_id     TEXT        NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    details      JSONB       NOT NULL DEFAULT '{}'::jsonb,
    recorded_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The head of each chain: the sequencer locks this row to append, which serializes one workspace's
-- appends and nothing else. A cache of the last entry (the verifier recomputes it from the entries).
CREATE TABLE audit_chain (
    chain_id       TEXT        PRIMARY KEY,
    size           BIGINT      NOT NULL CHECK (size >= 0),
    head_hash      BYTEA       NOT NULL CHECK (length(head_hash) = 32),
    -- The SHA-256 of the policy file the last PolicyLoaded entry named; a different one is chained first.
    policy_sha256  TEXT,
    updated_at     TIMESTAMPTZ NOT NULL
);

CREATE TABLE audit_entry (
    chain_id      TEXT        NOT NULL,
    seq           BIGINT      NOT NULL CHECK (seq > 0),
    prev_hash     BYTEA       NOT NULL CHECK (length(prev_hash) = 32),
    hash          BYTEA       NOT NULL CHECK (length(hash) = 32),
    -- The canonical JSON the hash covers, exactly as hashed (docs/audit.md).
    body          TEXT        NOT NULL,
    -- Copies of body fields, for queries only; the verifier checks them against the body.
    kind          TEXT        NOT NULL,
    change_number BIGINT,
    occurred_at   TIMESTAMPTZ NOT NULL,
    -- Where the fact was first written: 'change_event', 'freeze_declared', 'freeze_lifted' or
    -- 'audit_note' (source_id is that row's id), or 'policy' (no row: source_id is null).
    source        TEXT        NOT NULL,
    source_id     BIGINT,
    chained_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (chain_id, seq)
);

-- A fact is chained once, whichever node's sequencer saw it first.
CREATE UNIQUE INDEX audit_entry_once_per_source ON audit_entry (source, source_id) WHERE source_id IS NOT NULL;
CREATE INDEX audit_entry_by_change ON audit_entry (chain_id, change_number, seq) WHERE change_number IS NOT NULL;
CREATE INDEX audit_entry_by_time ON audit_entry (chain_id, occurred_at);

-- Signed checkpoints (docs/audit.md): each is recorded here and posted to the audit channel, whose
-- copy in Slack is a witness the database's administrator cannot rewrite.
CREATE TABLE audit_checkpoint (
    id          BIGSERIAL   PRIMARY KEY,
    chain_id    TEXT        NOT NULL,
    size        BIGINT      NOT NULL CHECK (size >= 0),
    head_hash   BYTEA       NOT NULL CHECK (length(head_hash) = 32),
    taken_at    TIMESTAMPTZ NOT NULL,
    -- The signed note exactly as posted: checkpoint text, blank line, signature lines.
    note        TEXT        NOT NULL,
    key_name    TEXT        NOT NULL,
    key_id      TEXT        NOT NULL,
    UNIQUE (chain_id, size, taken_at)
);

CREATE INDEX audit_checkpoint_newest ON audit_checkpoint (chain_id, size DESC, taken_at DESC);

-- Where each checkpoint was witnessed (or why it could not be); rows of their own, so the
-- checkpoint itself is never updated.
CREATE TABLE audit_checkpoint_post (
    checkpoint_id BIGINT      NOT NULL REFERENCES audit_checkpoint (id),
    channel_id    TEXT,
    message_ts    TEXT,
    permalink     TEXT,
    problem       TEXT,
    posted_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (checkpoint_id, posted_at)
);

-- History is never rewritten: not by the app, and not by anyone but the tables' owner.
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_rewrite();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_rewrite();
CREATE TRIGGER audit_note_append_only BEFORE UPDATE OR DELETE ON audit_note
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_rewrite();
CREATE TRIGGER audit_note_no_truncate BEFORE TRUNCATE ON audit_note
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_rewrite();
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_rewrite();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_rewrite();

-- The runtime role (whatever it is called: default privileges may have granted it everything)
-- keeps SELECT and INSERT on the audit rows and loses UPDATE, DELETE and TRUNCATE; the triggers
-- stay as a second line, and only the owner could disable them. The same for change_event, whose
-- trigger alone guarded it until now.
DO $$
DECLARE grantee_name text;
BEGIN
  FOR grantee_name IN
      SELECT DISTINCT a.grantee::regrole::text
        FROM pg_class c, aclexplode(c.relacl) a
       WHERE c.relname IN ('audit_entry', 'audit_note', 'audit_checkpoint', 'audit_checkpoint_post', 'change_event')
         AND c.relnamespace = 'public'::regnamespace
         AND a.grantee <> c.relowner AND a.grantee <> 0
  LOOP
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry, audit_note, audit_checkpoint,'
                   ' audit_checkpoint_post, change_event FROM %s', grantee_name);
  END LOOP;
  REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry, audit_note, audit_checkpoint, audit_checkpoint_post,
      change_event FROM PUBLIC;
END $$;
