-- change_timer is now the due-time table that every node polls (claims with FOR UPDATE SKIP
-- LOCKED): no Quartz job or trigger per timer. A failed firing leaves the timer pending and backs
-- it off: attempts counts the failures, retry_at is when it may be claimed again.
ALTER TABLE change_timer ADD COLUMN attempts INT NOT NULL DEFAULT 0;
ALTER TABLE change_timer ADD COLUMN retry_at TIMESTAMPTZ;

-- The earliest retry among backed-off timers, without scanning every pending one; usually empty.
CREATE INDEX change_timer_retrying ON change_timer (retry_at) WHERE status = 'PENDING' AND retry_at IS NOT NULL;

-- Per-timer Quartz jobs left by earlier versions (group 'timers'). Their rows in change_timer are
-- the truth and the poller fires them; a leftover trigger would only ring a second time, which
-- FireTimer's locked re-check turns into nothing, but it would keep the trigger table large.
DELETE FROM qrtz_simple_triggers WHERE trigger_group = 'timers';
DELETE FROM qrtz_fired_triggers WHERE trigger_group = 'timers';
DELETE FROM qrtz_triggers WHERE trigger_group = 'timers';
DELETE FROM qrtz_job_details WHERE job_group = 'timers';
