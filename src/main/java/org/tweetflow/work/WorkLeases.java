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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims queued work for one worker at a time through a lease in the database. A claim locks the item it takes and
 * skips those other replicas are taking (FOR UPDATE SKIP LOCKED), so workers claiming at once each get another item
 * instead of racing for the first; a lease that is not renewed expires and the item goes to whoever asks next, which
 * resumes it (the archive is checkpointed on Open Humans, collections in their files).
 */
@Component
public class WorkLeases {

    private static final String NEXT = """
            SELECT id, kind, subject_id, reason, attempts FROM work_item
            WHERE kind = ? AND not_before <= ? AND (lease_until IS NULL OR lease_until < ?)
            ORDER BY not_before, id FETCH FIRST 1 ROW ONLY FOR UPDATE SKIP LOCKED""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public WorkLeases(JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
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
        Timestamp until = Timestamp.from(clock.instant().plus(lease));
        // the row stays locked, and skipped by the others, until its lease is written and committed
        return transaction.execute(status -> {
            Optional<WorkItem> next = jdbc.query(NEXT, (rs, n) -> new WorkItem(rs.getLong(1), rs.getString(2),
                    rs.getLong(3), rs.getString(4), rs.getInt(5) + 1, owner), kind, now, now).stream().findFirst();
            next.ifPresent(item -> jdbc.update(
                    "UPDATE work_item SET lease_owner = ?, lease_until = ?, attempts = ? WHERE id = ?",
                    owner, until, item.attempts(), item.id()));
            return next;
        });
    }

    /** Extends a lease still held; false when it was lost (expired and taken by another worker). */
    public boolean renew(WorkItem item, String owner, Duration lease) {
        return jdbc.update("UPDATE work_item SET lease_until = ? WHERE id = ? AND lease_owner = ?",
                Timestamp.from(clock.instant().plus(lease)), item.id(), owner) == 1;
    }

    /**
     * The work is done: the item leaves the queue; or, when it was asked for again meanwhile ({@link #request}), it is
     * queued again at once for that reason.
     */
    public void complete(WorkItem item, String owner) {
        // in this order: a request between the two statements finds the item still there and is not lost
        if (jdbc.update("DELETE FROM work_item WHERE id = ? AND lease_owner = ? AND asked_again IS NULL", item.id(),
                owner) == 0) {
            jdbc.update("""
                    UPDATE work_item SET reason = asked_again, asked_again = NULL, lease_owner = NULL, lease_until = NULL,
                    not_before = ?, attempts = 0 WHERE id = ? AND lease_owner = ? AND asked_again IS NOT NULL""",
                    Timestamp.from(clock.instant()), item.id(), owner);
        }
    }

    /**
     * Asks for work on a subject: queued now when no item of it exists; else the item, already queued or held by a
     * worker that may be past the point where it would see the request, is queued again for this reason once it is
     * completed, instead of leaving the queue.
     */
    public void request(String kind, long subjectId, String reason) {
        Timestamp now = Timestamp.from(clock.instant());
        // an item queued for this very reason, and not yet taken, does it already
        if (jdbc.update("""
                UPDATE work_item SET asked_again = ?
                WHERE kind = ? AND subject_id = ? AND NOT (reason = ? AND lease_owner IS NULL)""",
                reason, kind, subjectId, reason) == 0) {
            // an item another replica queued meanwhile does it: no duplicate-key error, which would abort the
            // caller's transaction on PostgreSQL
            jdbc.update("""
                    INSERT INTO work_item (kind, subject_id, reason, not_before, queued_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT DO NOTHING""", kind, subjectId, reason, now, now);
        }
    }

    /** The work reached a later phase: whoever claims the item next (a takeover) starts from there. */
    public void advance(WorkItem item, String owner, String reason) {
        jdbc.update("UPDATE work_item SET reason = ? WHERE id = ? AND lease_owner = ?", reason, item.id(), owner);
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

    /**
     * The run stopped with this replica, neither failed nor done: the item is queued again, free at once, with the
     * attempts it had before this claim, so that a deploy neither restarts nor lengthens the retries' backoff.
     */
    public void handBack(WorkItem item, String owner) {
        jdbc.update("""
                UPDATE work_item SET lease_owner = NULL, lease_until = NULL, not_before = ?, attempts = ?
                WHERE id = ? AND lease_owner = ?""", Timestamp.from(clock.instant()), item.attempts() - 1, item.id(),
                owner);
    }

    /** The work must wait (a retry later): the item stays queued, free for anyone after notBefore. */
    public void release(WorkItem item, String owner, Instant notBefore) {
        jdbc.update("""
                UPDATE work_item SET lease_owner = NULL, lease_until = NULL, not_before = ?
                WHERE id = ? AND lease_owner = ?""", Timestamp.from(notBefore), item.id(), owner);
    }
}
