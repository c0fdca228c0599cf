package org.tweetflow.work;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job's workers on this replica: they claim queued items up to the number of free workers (so no lease is held
 * by an item waiting for a worker), each claim under a lease owner of its own (so a re-claim of a stalled item is a
 * new run), renew a lease while their work makes progress (the archive) or on a heartbeat while it runs (collections,
 * whose steps have no progress of their own to renew at), and settle each item. Once the replica stops
 * ({@link ShutdownSignal}) they claim nothing, their runs make no further call, and each item is handed back at once.
 * The jobs' worker beans (archive, collect) each hold one.
 */
public class WorkerPool {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);

    private final WorkLeases leases;
    private final Clock clock;
    private final ShutdownSignal shutdown;
    private final String kind;
    private final int workers;
    private final Duration lease;
    private final String replica = hostName() + "/" + UUID.randomUUID();
    private final AtomicLong claims = new AtomicLong();
    /** The running items by lease owner. */
    private final Map<String, WorkItem> running = new ConcurrentHashMap<>();

    public WorkerPool(WorkLeases leases, Clock clock, ShutdownSignal shutdown, String kind, int workers,
            Duration lease) {
        this.leases = leases;
        this.clock = clock;
        this.shutdown = shutdown;
        this.kind = kind;
        this.workers = workers;
        this.lease = lease;
    }

    /** The items this replica takes now: one per free worker; none once it stops. */
    public List<WorkItem> claim() {
        if (shutdown.stopping()) {
            return List.of();
        }
        List<WorkItem> claimed = leases.claimUpTo(kind, workers - running.size(),
                () -> replica + "#" + claims.incrementAndGet(), lease);
        claimed.forEach(item -> running.put(item.leaseOwner(), item));
        return claimed;
    }

    /**
     * Renews the lease of the item a run works on (none when its route was called directly), as the run makes
     * progress: a run stuck for a lease's time loses its item to whoever asks next, and this one then stops.
     *
     * @param lost what stops the run when the lease was lost (held past it and taken by another claim)
     */
    public void keepLease(WorkItem item, Supplier<? extends RuntimeException> lost) {
        if (!holds(item)) {
            throw lost.get();
        }
    }

    /**
     * Called before each call to X: a replica that stops makes no further call, and the run ends keeping what it has
     * (then {@link #handBack}).
     */
    public void keepWorking(WorkItem item) {
        if (shutdown.stopping()) {
            throw new ReplicaStoppingException("this replica stops: " + kind + (item == null ? ""
                    : " " + item.subjectId()) + " goes on with the next claim");
        }
    }

    /** Renews the item's lease and says whether it was still this run's (always, for no item). */
    public boolean holds(WorkItem item) {
        return item == null || leases.renew(item, item.leaseOwner(), lease);
    }

    /**
     * The heartbeat: renews the lease of every item this replica runs, whatever step it is in (one photo fetch, a
     * bundle being zipped), so that a lease expires only when its replica is gone. An item lost meanwhile (held past
     * its lease and taken over) is not renewed: its run stops at its next conditional write.
     */
    public void renewRunning() {
        running.values().forEach(item -> leases.renew(item, item.leaseOwner(), lease));
    }

    /** The work reached a later phase: a takeover starts from there. */
    public void advance(WorkItem item, String reason) {
        leases.advance(item, item.leaseOwner(), reason);
    }

    /** The work is done: the item leaves the queue (or is queued again, when it was asked for again meanwhile). */
    public void complete(WorkItem item) {
        running.remove(item.leaseOwner());
        leases.complete(item, item.leaseOwner());
    }

    /** The work made progress and waits (a rate-limit cooldown): queued again for notBefore, attempts anew. */
    public void postpone(WorkItem item, Instant notBefore) {
        running.remove(item.leaseOwner());
        leases.postpone(item, item.leaseOwner(), notBefore);
    }

    /**
     * Settles what every job settles alike, and says whether it did: a run that ended without an outcome it could
     * record (the database away, say) is tried again once a lease's time has passed; one this replica stopped is
     * handed back. Any other outcome is the job's to settle.
     *
     * @param outcome the kind of outcome the run ended with, or null when it could not record one
     * @param stopped the job's kind of outcome for a run this replica stopped
     */
    public <K extends Enum<K>> boolean settledAlike(WorkItem item, K outcome, K stopped, Exception escaped) {
        if (outcome == null) {
            LOG.warn("{} of {} ended without an outcome; it is tried again later", kind, item.subjectId(), escaped);
            releaseAfterLease(item);
        } else if (outcome == stopped) {
            handBack(item);
        }
        return outcome == null || outcome == stopped;
    }

    /** The work is tried again from notBefore. */
    public void release(WorkItem item, Instant notBefore) {
        running.remove(item.leaseOwner());
        leases.release(item, item.leaseOwner(), notBefore);
    }

    /** Another worker holds the item now: this pool stops counting it as running, and leaves it alone. */
    public void forget(WorkItem item) {
        running.remove(item.leaseOwner());
    }

    /** On shutdown the running items are handed back, for another replica to resume them. */
    public void releaseRunning() {
        running.values().forEach(item -> leases.handBack(item, item.leaseOwner()));
    }

    /**
     * This replica stops: the item is queued again, free at once for the next claim (another replica, or this one
     * restarted), with the attempts it had before this claim, so that a deploy during an outage neither restarts nor
     * lengthens the retries' backoff.
     */
    private void handBack(WorkItem item) {
        running.remove(item.leaseOwner());
        leases.handBack(item, item.leaseOwner());
    }

    /** The work ended in a way nobody could record: tried again once a lease's time has passed. */
    private void releaseAfterLease(WorkItem item) {
        release(item, clock.instant().plus(lease));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
