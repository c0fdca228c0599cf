package org.tweetflow.collect;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Queued collections live in the database ({@code work_item}, kind collect): any replica's workers take them. */
@Component
public class CollectionQueue {

    public static final String KIND = "collect";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public CollectionQueue(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Queues a collection to be collected as soon as a worker is free; false when it is queued already. */
    public boolean queue(long collectionId, String reason) {
        Timestamp now = Timestamp.from(clock.instant());
        try {
            return jdbc.update("""
                    INSERT INTO work_item (kind, subject_id, reason, not_before, queued_at) VALUES (?, ?, ?, ?, ?)""",
                    KIND, collectionId, reason, now, now) == 1;
        } catch (DuplicateKeyException alreadyQueued) {
            return false;
        }
    }
}
