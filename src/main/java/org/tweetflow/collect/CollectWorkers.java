package org.tweetflow.collect;

import java.time.Clock;
import java.util.List;

import jakarta.annotation.PreDestroy;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * This replica's collection workers, on the archive's work queue: claim queued collections, renew their leases on a
 * heartbeat while they run (a search, the summaries, the photos), mark an item whose search is over (a takeover then
 * only summarises), and settle each item by the run's outcome (a rate limit queues it again for the reset).
 */
@Component("collectWorkers")
public class CollectWorkers {

    private static final Logger LOG = LoggerFactory.getLogger(CollectWorkers.class);

    private final WorkerPool pool;
    private final CollectMeters meters;

    public CollectWorkers(WorkLeases leases, Clock clock, ShutdownSignal shutdown, TweetflowProperties properties,
            CollectMeters meters, WorkQueueGauges queues) {
        TweetflowProperties.Collect settings = properties.collect();
        this.pool = new WorkerPool(leases, clock, shutdown, CollectionQueue.KIND, settings.workers(), settings.lease());
        this.meters = meters;
        queues.watch(CollectionQueue.KIND);
    }

    public List<WorkItem> claim() {
        return pool.claim();
    }

    /**
     * The heartbeat: every collection this replica runs keeps its lease however long its summaries and photos take,
     * so none is claimed again while its worker lives; a replica that dies stops renewing, and its collections go to
     * another worker once their leases expire.
     */
    public void renewLeases() {
        pool.renewRunning();
    }

    /** Whether the item's search is over (its run collected, or a retried summary step): only summaries are due. */
    public boolean searched(@ExchangeProperty(TweetflowExchange.WORK_ITEM) WorkItem item) {
        return CollectionQueue.SUMMARIZE.equals(item.reason());
    }

    /** The outcome of a search that was over before this claim. */
    public CollectOutcome collectedBefore() {
        return new CollectOutcome(CollectOutcome.Kind.COLLECTED, null);
    }

    /**
     * The search is over: a worker taking the collection over from here (this one gone) summarises, and never starts
     * another run of a recurring collection.
     */
    public void summarizing(@ExchangeProperty(TweetflowExchange.WORK_ITEM) WorkItem item) {
        pool.advance(item, CollectionQueue.SUMMARIZE);
    }

    /** Whether the run's item went to another worker (never, when the route is called directly); else renewed. */
    public boolean lostLease(@ExchangeProperty(TweetflowExchange.WORK_ITEM) WorkItem item) {
        return !pool.holds(item);
    }

    /** Renews the run's lease (none when the route is called directly); a lost lease ends this run. */
    public void keepLease(@ExchangeProperty(TweetflowExchange.WORK_ITEM) WorkItem item) {
        pool.keepLease(item, () -> new LeaseLostException("collection " + item.subjectId()
                + " was taken over by another worker, or deleted"));
    }

    /** Before each page: a replica that stops searches no more; the pages so far are kept. */
    public void keepWorking(@ExchangeProperty(TweetflowExchange.WORK_ITEM) WorkItem item) {
        pool.keepWorking(item);
    }

    /** This replica stopped before the run began: nothing was done, the item goes back for the next claim. */
    public CollectOutcome notStarted(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception stopping) {
        LOG.info("Collection run not started: {}", stopping.getMessage());
        return new CollectOutcome(CollectOutcome.Kind.STOPPED, null);
    }

    public void settle(@Body Object ended, @ExchangeProperty(TweetflowExchange.WORK_ITEM) WorkItem item,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception escaped) {
        CollectOutcome.Kind kind = ended instanceof CollectOutcome outcome ? outcome.kind() : null;
        meters.ended(kind);
        if (pool.settledAlike(item, kind, CollectOutcome.Kind.STOPPED, escaped)) {
            return;
        }
        if (kind == CollectOutcome.Kind.RATE_LIMITED) {
            pool.postpone(item, ((CollectOutcome) ended).notBefore());
        } else if (kind == CollectOutcome.Kind.RETRY) {
            pool.release(item, ((CollectOutcome) ended).notBefore());
        } else if (kind == CollectOutcome.Kind.LEASE_LOST) {
            LOG.info("Collection {} is another worker's now; its item is left to it", item.subjectId());
            pool.forget(item);
        } else {
            pool.complete(item);
        }
    }

    @PreDestroy
    void releaseRunning() {
        pool.releaseRunning();
    }
}
