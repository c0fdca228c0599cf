package org.tweetflow.archive;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.config.TweetflowProperties;
import org.tweetflow.work.WorkItem;
import org.tweetflow.work.WorkLeases;

/**
 * This replica's archive workers: claim queued syncs up to the number of free workers (so no lease is held by an
 * item waiting for a worker), renew a sync's lease while it makes progress, and settle each item by its outcome.
 * Rate limits are per member token, so members sync side by side: a backlog takes as long as its largest member.
 */
@Component("archiveWorkers")
public class ArchiveWorkers {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveWorkers.class);

    private final WorkLeases leases;
    private final Clock clock;
    private final TweetflowProperties.Archive settings;
    private final String replica = hostName() + "/" + UUID.randomUUID();
    private final AtomicLong claims = new AtomicLong();
    /** The running syncs by lease owner: each claim has its own, so a re-claim of a stalled item is a new run. */
    private final Map<String, WorkItem> running = new ConcurrentHashMap<>();

    public ArchiveWorkers(WorkLeases leases, Clock clock, TweetflowProperties properties) {
        this.leases = leases;
        this.clock = clock;
        this.settings = properties.archive();
    }

    /** The items this replica takes now: one per free worker. */
    public List<WorkItem> claim() {
        List<WorkItem> claimed = leases.claimUpTo(ArchiveQueue.KIND, settings.workers() - running.size(),
                () -> replica + "#" + claims.incrementAndGet(), settings.lease());
        claimed.forEach(item -> running.put(item.leaseOwner(), item));
        return claimed;
    }

    /**
     * Renews the lease of the sync this exchange runs (none when the route is called directly), called as the sync
     * makes progress: a sync stuck for a lease's time loses its item to whoever asks next. A lease lost (this run
     * stalled past it, another claim took the sync over) ends this run before it uploads anything.
     */
    public void keepLease(@ExchangeProperty(TweetflowExchange.WORK_ITEM) WorkItem item) {
        if (item != null && !leases.renew(item, item.leaseOwner(), settings.lease())) {
            throw new LeaseLostException("the sync of member " + item.subjectId() + " was taken over by another "
                    + "worker after this one held it past its lease");
        }
    }

    /**
     * Body: the sync's outcome. The item leaves the queue, or waits there for the cooldown; after a failure the
     * sync could not even record (the database away, say) it is tried again once a lease's time has passed.
     */
    public void settle(@Body Object ended, @ExchangeProperty(TweetflowExchange.WORK_ITEM) WorkItem item,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception escaped) {
        running.remove(item.leaseOwner());
        // archive-member ends every sync it could record with an outcome; anything else escaped it
        if (!(ended instanceof SyncOutcome outcome)) {
            LOG.warn("Archive sync of member {} ended without an outcome; it is tried again later", item.subjectId(),
                    escaped);
            leases.release(item, item.leaseOwner(), clock.instant().plus(settings.lease()));
        } else if (outcome.kind() == SyncOutcome.Kind.COOLING_DOWN) {
            leases.postpone(item, item.leaseOwner(), outcome.notBefore());
        } else if (outcome.staysQueued()) {
            leases.release(item, item.leaseOwner(), outcome.notBefore());
        } else {
            leases.complete(item, item.leaseOwner());
        }
    }

    /** On shutdown the running syncs' items are freed at once, for another replica to resume them. */
    @PreDestroy
    void releaseRunning() {
        running.values().forEach(item -> leases.release(item, item.leaseOwner(), clock.instant()));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
