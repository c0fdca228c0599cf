package org.tweetflow.work;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Claims queued work for one worker at a time through a lease in the database. A claim is a conditional update,
 * so two replicas racing for one item cannot both win; a lease that is not renewed expires and the item goes to
 * whoever asks next, which resumes it (the archive is checkpointed on Open Humans, collections in their files).
 */
@Component
public class WorkLeases {

    private static final String CANDIDATES = """
            SELECT id FROM work_item
            WHERE kind = ? AND not_before <= ? AND (lease_until IS NULL OR lease_until < ?)
            ORDER BY not_before, id FETCH FIRST 8 ROWS ONLY""";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public WorkLeases(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Claims up to {@code max} items of a kind, each under its own lease owner (so that a second claim of the same
     * item, after this one stalled, is told apart).
     */
    public List<WorkItem> claimUpTo(String kind, int max, Supplier<String> owners, Duration lease) {
        List<WorkItem> claimed = new ArrayList<>();
        while (claimed.size() < max) {
            Optional<WorkItem> next = claimNext(kind, owners.get(), lease);
            if (next.isEmpty()) {
                break;
            }
            claimed.add(next.get());
        }
        return claimed;
    }

    public Optional<WorkItem> claimNext(String kind, String owner, Duration lease) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Long> candidates = jdbc.queryForList(CANDIDATES, Long.class, kind, now, now);
        for (long id : candidates) {
            int won = jdbc.update("""
                    UPDATE work_item SET lease_owner = ?, lease_until = ?, attempts = attempts + 1
                    WHERE id = ? AND (lease_until IS NULL OR lease_until < ?)""",
                    owner, Timestamp.from(clock.instant().plus(lease)), id, now);
            if (won == 1) {
                return Optional.of(jdbc.queryForObject(
                        "SELECT id, kind, subject_id, reason, attempts FROM work_item WHERE id = ?",
                        (rs, n) -> new WorkItem(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                                rs.getInt(5), owner), id));
            }
        }
        return Optional.empty();
    }

    /** Extends a lease still held; false when it was lost (expired and taken by another worker). */
    public boolean renew(WorkItem item, String owner, Duration lease) {
        return jdbc.update("UPDATE work_item SET lease_until = ? WHERE id = ? AND lease_owner = ?",
                Timestamp.from(clock.instant().plus(lease)), item.id(), owner) == 1;
    }

    /** The work is done: the item leaves the queue. */
    public void complete(WorkItem item, String owner) {
        jdbc.update("DELETE FROM work_item WHERE id = ? AND lease_owner = ?", item.id(), owner);
    }

    /**
     * The work made progress and must wait (a rate-limit cooldown): the item stays queued, free for anyone after
     * notBefore, its attempts counted anew, so that a later failure's backoff starts from the first step.
     */
    public void postpone(WorkItem item, String owner, Instant notBefore) {
        jdbc.update("""
                UPDATE work_item SET lease_owner = NULL, lease_until = NULL, not_before = ?, attempts = 0
                WHERE id = ? AND lease_owner = ?""", Timestamp.from(notBefore), item.id(), owner);
    }

    /** The work must wait (a retry later): the item stays queued, free for anyone after notBefore. */
    public void release(WorkItem item, String owner, Instant notBefore) {
        jdbc.update("""
                UPDATE work_item SET lease_owner = NULL, lease_until = NULL, not_before = ?
                WHERE id = ? AND lease_owner = ?""", Timestamp.from(notBefore), item.id(), owner);
    }
}
