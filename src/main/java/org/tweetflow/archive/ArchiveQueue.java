package org.tweetflow.archive;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tweetflow.config.TweetflowProperties;
import org.tweetflow.work.WorkLeases;

/**
 * Puts "sync member M" into the durable work queue ({@code work_item}): at once when a member connects X or asks
 * for a sync, and from the stale-member scan. A member is in the queue at most once, whatever the reason.
 */
@Component("archiveQueue")
public class ArchiveQueue {

    public static final String KIND = "archive";
    /** Why a member's archive run was asked for: they uploaded their X export. */
    public static final String IMPORT = "import";

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveQueue.class);

    private static final String STALE_MEMBERS = """
            SELECT m.id FROM member m LEFT JOIN archive_state s ON s.member_id = m.id
            WHERE m.twitter_user_id IS NOT NULL
              AND (s.state IS NULL OR s.state <> 'needs_reconnect')
              AND (s.last_complete_at IS NULL OR s.last_complete_at < ?
                   OR (s.cooldown_until IS NOT NULL AND s.cooldown_until <= ?))
              AND NOT EXISTS (SELECT 1 FROM work_item w WHERE w.kind = ? AND w.subject_id = m.id)
            ORDER BY m.id""";

    private final JdbcTemplate jdbc;
    private final WorkLeases leases;
    private final ArchiveStates states;
    private final Clock clock;
    private final TweetflowProperties.Archive settings;

    public ArchiveQueue(JdbcTemplate jdbc, WorkLeases leases, ArchiveStates states, Clock clock,
            TweetflowProperties properties) {
        this.jdbc = jdbc;
        this.leases = leases;
        this.states = states;
        this.clock = clock;
        this.settings = properties.archive();
    }

    /**
     * The seed's {@code update_data}: every member not completely synced within stale-after, or out of cooldown.
     * Each member is queued on its own: a member queued meanwhile (a duplicate) must not, on PostgreSQL, abort one
     * transaction around all of them.
     */
    public int queueStaleMembers() {
        Instant now = clock.instant();
        List<Long> stale = jdbc.queryForList(STALE_MEMBERS, Long.class,
                Timestamp.from(now.minus(settings.staleAfter())), Timestamp.from(now), KIND);
        int queued = 0;
        for (long memberId : stale) {
            if (queue(memberId, "stale", now)) {
                queued++;
            }
        }
        return queued;
    }

    /**
     * Queues one member to be synced as soon as a worker is free; false when it was queued already, or while their
     * archive is being deleted.
     */
    @Transactional
    public boolean queue(long memberId, String reason) {
        return queue(memberId, reason, clock.instant());
    }

    /**
     * The member uploaded their X export: their next archive run merges it, at once (an import needs no call to X,
     * so a cooldown or a retry's wait does not hold it back; the run's calls to X still wait for the budget). A run
     * under way now may be past the point where it would see the import: another follows it (asked again).
     */
    public void queueImport(long memberId) {
        leases.request(KIND, memberId, IMPORT);
        jdbc.update("UPDATE work_item SET not_before = ? WHERE kind = ? AND subject_id = ? AND lease_owner IS NULL",
                Timestamp.from(clock.instant()), KIND, memberId);
        LOG.info("Queued the import of member {}'s X export", memberId);
    }

    /**
     * Takes the member out of the queue (they disconnected X or left). A sync running right now keeps its item: it
     * sees the change before it uploads anything and ends itself.
     */
    public void dequeue(long memberId) {
        jdbc.update("DELETE FROM work_item WHERE kind = ? AND subject_id = ? AND (lease_until IS NULL OR lease_until < ?)",
                KIND, memberId, Timestamp.from(clock.instant()));
    }

    private boolean queue(long memberId, String reason, Instant notBefore) {
        Timestamp now = Timestamp.from(clock.instant());
        // not while the member's archive is being deleted: the sync would merge it back (ArchiveDeletions queues
        // one once Open Humans confirmed the deletion); nor when queued already, by another replica too
        if (jdbc.update("""
                INSERT INTO work_item (kind, subject_id, reason, not_before, queued_at) SELECT ?, ?, ?, ?, ?
                WHERE NOT EXISTS (SELECT 1 FROM work_item WHERE kind = ? AND subject_id = ?) ON CONFLICT DO NOTHING""",
                KIND, memberId, reason, Timestamp.from(notBefore), now, ArchiveDeletions.KIND, memberId) == 0) {
            return false;
        }
        states.queued(memberId);
        LOG.info("Queued archive sync of member {} ({})", memberId, reason);
        return true;
    }
}
