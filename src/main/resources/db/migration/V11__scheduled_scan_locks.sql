-- ShedLock's table (ScheduledScans): one row per scheduled scan, held by the replica that runs the scan this period
-- until lock_until (database time), so that the other replicas' timers skip it.
CREATE TABLE shedlock (
    name               VARCHAR(64)   NOT NULL PRIMARY KEY,
    lock_until         TIMESTAMP     NOT NULL,
    locked_at          TIMESTAMP     NOT NULL,
    locked_by          VARCHAR(255)  NOT NULL
);
