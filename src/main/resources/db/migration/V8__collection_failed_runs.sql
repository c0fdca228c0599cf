-- How many runs of a collection failed in a row: a recurring collection that keeps failing stops repeating instead of
-- failing on every schedule for ever; the owner collects it again once the cause is fixed.
ALTER TABLE collection ADD COLUMN failed_runs INTEGER NOT NULL DEFAULT 0;
