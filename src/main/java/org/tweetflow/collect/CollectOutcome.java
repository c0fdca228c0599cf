package org.tweetflow.collect;

import java.time.Instant;

/** How one run of a collection ended, and so what becomes of its work item. */
public record CollectOutcome(Kind kind, Instant notBefore) {

    public enum Kind {
        /** Every wanted post collected, or X has no more: the item leaves the queue. */
        COLLECTED,
        /** X's rate limit stopped it: the item waits for the reset; the next run resumes after the last page. */
        RATE_LIMITED,
        /** This replica stopped: the item is free at once for the next claim, which resumes after the last page. */
        STOPPED,
        /** X was unavailable past the calls' redeliveries: the item is tried again later, resuming after the last page. */
        RETRY,
        /** Failed for a reason the researcher sees; the item leaves the queue. */
        FAILED,
        /** Another worker took the collection over (or it was deleted): this one leaves its item and its state alone. */
        LEASE_LOST
    }
}
