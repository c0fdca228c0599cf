package org.tweetflow.archive;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.calls.CallFailure;
import org.tweetflow.calls.CallFailures;
import org.tweetflow.config.TweetflowProperties;
import org.tweetflow.openhumans.OpenHumansMember;
import org.tweetflow.work.WorkItem;
import org.tweetflow.work.WorkLeases;

/**
 * "Delete my archive", kept until Open Humans confirmed it: the request is a work item of its own kind, tried at
 * once and, while Open Humans fails (5xx after the redeliveries, timeouts, a refused token), again later, each time
 * after a longer wait (retry-delay, as a sync after an outage). Only a confirmed deletion empties what the dashboard
 * shows; the request time is recorded at once, so a sync uploading meanwhile withdraws its file. No archive sync is
 * queued while a deletion is pending (it would merge the archive about to go); one is queued once it is gone, for a
 * member who connected X again.
 */
@Component("archiveDeletions")
public class ArchiveDeletions {

    public static final String KIND = "archive-delete";

    /** A few calls with their redeliveries; a replica that dies leaves the deletion to another one after this. */
    static final Duration LEASE = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveDeletions.class);
    private static final int CLAIMS_PER_POLL = 4;

    private final JdbcTemplate jdbc;
    private final WorkLeases leases;
    private final ArchiveStates states;
    private final ArchiveQueue queue;
    private final ArchiveOwners owners;
    private final Clock clock;
    private final TweetflowProperties.Archive settings;
    private final CallFailures calls;
    private final String owner = "archive-deletions/" + UUID.randomUUID();

    public ArchiveDeletions(JdbcTemplate jdbc, WorkLeases leases, ArchiveStates states, ArchiveQueue queue,
            ArchiveOwners owners, Clock clock, TweetflowProperties properties, CallFailures calls) {
        this.calls = calls;
        this.jdbc = jdbc;
        this.leases = leases;
        this.states = states;
        this.queue = queue;
        this.owners = owners;
        this.clock = clock;
        this.settings = properties.archive();
    }

    /**
     * The member asked for their archive to be deleted. Returns the deletion, claimed by this replica to try at once,
     * or empty when one was pending already (it keeps its own schedule).
     */
    public Optional<WorkItem> request(long memberId) {
        states.archiveDeletionRequested(memberId);
        Instant now = clock.instant();
        if (jdbc.update("""
                INSERT INTO work_item (kind, subject_id, reason, not_before, queued_at, lease_owner, lease_until,
                attempts) VALUES (?, ?, ?, ?, ?, ?, ?, 1) ON CONFLICT DO NOTHING""", KIND, memberId, "requested",
                Timestamp.from(now), Timestamp.from(now), owner, Timestamp.from(now.plus(LEASE))) == 0) {
            return Optional.empty();
        }
        long id = jdbc.queryForObject("SELECT id FROM work_item WHERE kind = ? AND subject_id = ?", Long.class, KIND,
                memberId);
        return Optional.of(new WorkItem(id, KIND, memberId, "requested", 1, owner));
    }

    /** Whether the member's archive is still to be deleted: Open Humans has not confirmed it yet. */
    public boolean pending(long memberId) {
        return jdbc.queryForObject("SELECT count(*) FROM work_item WHERE kind = ? AND subject_id = ?", Integer.class,
                KIND, memberId) > 0;
    }

    /** The deletions due for another attempt, claimed by this replica. */
    public List<WorkItem> due() {
        return leases.claimUpTo(KIND, CLAIMS_PER_POLL, () -> owner, LEASE);
    }

    /** Body: a claimed deletion. The member the calls that follow act for at Open Humans. */
    public OpenHumansMember begin(@Body WorkItem item) {
        return owners.owner(item.subjectId()).map(ArchiveOwner::openHumans).orElseThrow(() ->
                new IllegalStateException("member " + item.subjectId() + " left; their archive can no longer be "
                        + "deleted for them"));
    }

    /** Open Humans confirmed: the archive is gone, and a member who connected X again meanwhile starts afresh. */
    public void confirmed(@ExchangeProperty(TweetflowExchange.WORK_ITEM) WorkItem item) {
        states.archiveDeleted(item.subjectId());
        leases.complete(item, owner);
        LOG.info("Archive of member {} deleted on Open Humans", item.subjectId());
        if (owners.owner(item.subjectId()).filter(ArchiveOwner::xConnected).isPresent()) {
            queue.queue(item.subjectId(), "connected");
        }
    }

    /** Open Humans did not confirm: tried again after a wait that doubles with each attempt (retry-delay). */
    public void failed(@ExchangeProperty(TweetflowExchange.WORK_ITEM) WorkItem item,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        if (owners.owner(item.subjectId()).isEmpty()) {
            LOG.warn("Archive deletion of member {} dropped: the member left", item.subjectId());
            leases.complete(item, owner);
            return;
        }
        Instant retryAt = clock.instant().plus(settings.retryDelayAfter(item.attempts()));
        CallFailure failure = calls.of(cause);
        if (failure.expected()) {
            LOG.warn("Open Humans did not confirm deleting the archive of member {} (attempt {}): {}; trying again "
                    + "at {}", item.subjectId(), item.attempts(), failure.reason(), retryAt);
        } else {
            LOG.error("Deleting the archive of member {} failed unexpectedly (attempt {}); trying again at {}",
                    item.subjectId(), item.attempts(), retryAt, failure.cause());
        }
        leases.release(item, owner, retryAt);
    }
}
