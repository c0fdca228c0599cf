package org.tweetflow.collect;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.tweetflow.work.WorkLeases;

/** Queued collections live in the database ({@code work_item}, kind collect): any replica's workers take them. */
@Component
public class CollectionQueue {

    public static final String KIND = "collect";
    /** The reason of an item whose search is over: a worker taking it only summarises. */
    public static final String SUMMARIZE = "summarize";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final WorkLeases leases;

    public CollectionQueue(JdbcTemplate jdbc, Clock clock, WorkLeases leases) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.leases = leases;
    }

    /**
     * Queues the collection's pending summary steps (a retried one) as work, for a worker to run: after the run it
     * waits for, when one is queued or running.
     */
    public void summarize(long collectionId) {
        leases.request(KIND, collectionId, SUMMARIZE);
    }

    /**
     * Queues the collection now, also when an item of it is still held: the worker holding it (one that just
     * failed, about to settle) no longer owns it, so its settling leaves the item in the queue.
     */
    public void requeue(long collectionId, String reason) {
        Timestamp now = Timestamp.from(clock.instant());
        if (jdbc.update("""
                UPDATE work_item SET lease_owner = NULL, lease_until = NULL, not_before = ?, reason = ?, attempts = 0
                WHERE kind = ? AND subject_id = ?""", now, reason, KIND, collectionId) == 0) {
            // an item another replica queued meanwhile does it: no duplicate-key error, which would abort the
            // caller's transaction on PostgreSQL
            jdbc.update("""
                    INSERT INTO work_item (kind, subject_id, reason, not_before, queued_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT DO NOTHING""", KIND, collectionId, reason, now, now);
        }
    }

    /** Queues a collection to be collected as soon as a worker is free; false when it is queued already. */
    public boolean queue(long collectionId, String reason) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.update("""
                INSERT INTO work_item (kind, subject_id, reason, not_before, queued_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", KIND, collectionId, reason, now, now) == 1;
    }
}
