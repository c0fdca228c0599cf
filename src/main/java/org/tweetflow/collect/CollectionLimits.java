package org.tweetflow.collect;

import java.time.Duration;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.stereotype.Component;
import org.tweetflow.config.TweetflowProperties;

/**
 * What one member may have and start, so that nobody fills the disk or spends the app's shared search window and
 * monthly cap: so many collections queued or collecting, so many recurring ones, so many started a minute (a token
 * bucket per member, refilled evenly over the minute, kept where every replica takes from it: {@link CreationBuckets}). Called inside the transaction that stores the collection.
 */
@Component
public class CollectionLimits {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final Collections collections;
    private final TweetflowProperties.Collect settings;
    private final CreationBuckets creations;
    private final BucketConfiguration creationLimit;

    CollectionLimits(Collections collections, TweetflowProperties properties, CreationBuckets creations) {
        this.collections = collections;
        this.settings = properties.collect();
        this.creations = creations;
        this.creationLimit = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(settings.creationsPerMinute())
                        .refillGreedy(settings.creationsPerMinute(), MINUTE))
                .build();
    }

    /**
     * A new collection may start.
     *
     * @throws CollectionLimitException when the member has as many as they may, or started too many this minute
     */
    public void admitNew(long memberId, boolean recurring) {
        MemberCollections running = collections.countsLocked(memberId);
        refuseBeyond(running, recurring);
        ConsumptionProbe probe = creations.take(memberId, creationLimit);
        if (!probe.isConsumed()) {
            // whole seconds, rounded up: Retry-After takes seconds, and a second early would be refused again
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000);
            throw new CollectionLimitException("a member starts at most " + settings.creationsPerMinute()
                    + " collections a minute; the next one can start in " + seconds + " s",
                    Duration.ofSeconds(seconds));
        }
    }

    /**
     * A failed collection may be collected again: it becomes active, and a recurring one that stopped repeating
     * repeats again.
     *
     * @throws CollectionLimitException when the member has as many as they may
     */
    public void admitAgain(Collection collection) {
        refuseBeyond(collections.countsLocked(collection.memberId()), collection.stoppedRepeating());
    }

    private void refuseBeyond(MemberCollections running, boolean recurring) {
        if (running.active() >= settings.maxActive()) {
            throw new CollectionLimitException("you have " + running.active() + " collections queued or collecting, "
                    + "as many as a member may have at once: start this one when one of them is collected (or "
                    + "delete one)", null);
        }
        if (recurring && running.repeating() >= settings.maxRecurring()) {
            throw new CollectionLimitException("you have " + running.repeating() + " recurring collections, as many "
                    + "as a member may have: delete one, or collect this one once", null);
        }
    }
}
