-- When an incident was first acknowledged (issue 18, the evidence pack's incidents.csv): set by the
-- first acknowledged report, by the report's own time, and kept on later ones. NULL for incidents
-- recorded before this was kept, and for those never acknowledged.
ALTER TABLE incident ADD COLUMN acknowledged_at TIMESTAMPTZ;
