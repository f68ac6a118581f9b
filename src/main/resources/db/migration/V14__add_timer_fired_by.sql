-- Which scheduler instance rang the timer, and whether it was finishing the job of an instance
-- that died mid-job (Quartz recovery): evidence that a timer fired once, and where.
ALTER TABLE change_timer ADD COLUMN fired_by TEXT;
