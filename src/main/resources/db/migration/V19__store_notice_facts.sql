-- A notice is stored as facts, not as Slack text: its kind and what it says (JSON, one shape per
-- kind), written for Slack only when it is delivered. recipient_kind says how recipient is meant:
-- a PERSON (a direct message), a CHANNEL, or the CHANGE_THREAD (under the change's message, as
-- in_thread says). Rows queued before this have text and no kind: they are delivered as written.
ALTER TABLE slack_notice
    ADD COLUMN kind           TEXT,
    ADD COLUMN facts          JSONB,
    ADD COLUMN recipient_kind TEXT CHECK (recipient_kind IN ('PERSON', 'CHANNEL', 'CHANGE_THREAD')),
    ALTER COLUMN text DROP NOT NULL,
    ADD CONSTRAINT slack_notice_facts_or_text
        CHECK (text IS NOT NULL OR (kind IS NOT NULL AND facts IS NOT NULL AND recipient_kind IS NOT NULL));
