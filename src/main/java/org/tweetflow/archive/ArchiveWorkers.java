package org.tweetflow.archive;

import java.time.Clock;
import java.util.List;

import jakarta.annotation.PreDestroy;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.config.TweetflowProperties;
import org.tweetflow.work.LeaseLostException;
import org.tweetflow.work.ShutdownSignal;
import org.tweetflow.work.WorkItem;
import org.tweetflow.work.WorkLeases;
import org.tweetflow.work.WorkQueueGauges;
import org.tweetflow.work.WorkerPool;

/**
 * This replica's archive workers: claim queued syncs, renew a sync's lease while it makes progress, and settle each
 * item by its outcome. Rate limits are per member token, so members sync side by side: a backlog takes as long as
 * its largest member.
 */
@Component("archiveWorkers")
public class ArchiveWorkers {

    private final WorkerPool pool;
    private final ArchiveMeters meters;

    public ArchiveWorkers(WorkLeases leases, Clock clock, ShutdownSignal shutdown, TweetflowProperties properties,
            ArchiveMeters meters, WorkQueueGauges queues) {
        TweetflowProperties.Archive settings = properties.archive();
        this.pool = new WorkerPool(leases, clock, shutdown, ArchiveQueue.KIND, settings.workers(), settings.lease());
        this.meters = meters;
        queues.watch(ArchiveQueue.KIND);
    }

    /** The items this replica takes now: one per free worker. */
    public List<WorkItem> claim() {
        return pool.claim();
    }

    /**
     * The heartbeat: every sync this replica runs keeps its lease however long a call or the upload of a large archive
     * takes, so none is claimed again while its worker lives; a replica that dies stops renewing, and its syncs go to
     * another worker once their leases expire.
     */
    public void renewLeases() {
        pool.renewRunning();
    }

    /**
     * Renews the lease of the sync this exchange runs (none when the route is called directly), called as the sync
     * makes progress: a sync stuck for a lease's time loses its item to whoever asks next. A lease lost (this run
     * stalled past it, another claim took the sync over) ends this run before it uploads anything.
     */
    public void keepLease(@ExchangeProperty(TweetflowExchange.WORK_ITEM) WorkItem item) {
        pool.keepLease(item, () -> new LeaseLostException("the sync of member " + item.subjectId()
                + " was taken over by another worker after this one held it past its lease"));
    }

    /** Before each page: a replica that stops fetches no more, and the sync uploads what it has. */
    public void keepWorking(@ExchangeProperty(TweetflowExchange.WORK_ITEM) WorkItem item) {
        pool.keepWorking(item);
    }

    /**
     * Body: the sync's outcome. The item leaves the queue, or waits there for the cooldown; after a failure the
     * sync could not even record (the database away, say) it is tried again once a lease's time has passed.
     */
    public void settle(@Body Object ended, @ExchangeProperty(TweetflowExchange.WORK_ITEM) WorkItem item,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception escaped) {
        // archive-member ends every sync it could record with an outcome; anything else escaped it
        SyncOutcome.Kind kind = ended instanceof SyncOutcome outcome ? outcome.kind() : null;
        meters.ended(kind);
        if (pool.settledAlike(item, kind, SyncOutcome.Kind.STOPPED, escaped)) {
            return;
        }
        SyncOutcome outcome = (SyncOutcome) ended;
        if (kind == SyncOutcome.Kind.COOLING_DOWN) {
            pool.postpone(item, outcome.notBefore());
        } else if (outcome.staysQueued()) {
            pool.release(item, outcome.notBefore());
        } else {
            pool.complete(item);
        }
    }

    /** On shutdown the running syncs' items are freed at once, for another replica to resume them. */
    @PreDestroy
    void releaseRunning() {
        pool.releaseRunning();
    }
}
