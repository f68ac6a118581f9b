-- Durable timers. Quartz rings them; this table is the truth: the original due time (Quartz
-- rewrites fire times on misfire), whether it fired, how late, and what came of it.
CREATE TABLE change_timer (
    id            BIGSERIAL PRIMARY KEY,
    workspace_id  TEXT        NOT NULL,
    change_number BIGINT      NOT NULL,
    kind          TEXT        NOT NULL,
    ref           TEXT        NOT NULL,
    due_at        TIMESTAMPTZ NOT NULL,
    status        TEXT        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'FIRED', 'CANCELLED')),
    fired_at      TIMESTAMPTZ,
    late_by_ms    BIGINT,
    outcome       TEXT
);

CREATE INDEX change_timer_pending ON change_timer (due_at) WHERE status = 'PENDING';

ALTER TABLE change_request ADD COLUMN soak_environment TEXT;
ALTER TABLE change_request ADD COLUMN soaking_until TIMESTAMPTZ;
