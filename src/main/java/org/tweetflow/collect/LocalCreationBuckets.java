package org.tweetflow.collect;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.local.LocalBucketBuilder;
import org.springframework.stereotype.Component;
import org.tweetflow.config.ConditionalOnRedis;

/**
 * The creation buckets of a single machine, in memory. A bucket refilled to its capacity is what a new one would be,
 * so it is dropped: only the members who started a collection within the last minute keep one, however many members
 * there ever were.
 */
@Component
@ConditionalOnRedis(false)
class LocalCreationBuckets implements CreationBuckets {

    private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();
    private final ClockTimeMeter time;

    LocalCreationBuckets(Clock clock) {
        this.time = new ClockTimeMeter(clock);
    }

    @Override
    public ConsumptionProbe take(long memberId, BucketConfiguration limit) {
        dropRefilled(limit);
        ConsumptionProbe[] probe = new ConsumptionProbe[1];
        // inside compute: a sweep on another thread cannot drop the bucket between its lookup and this take
        buckets.compute(memberId, (id, bucket) -> {
            Bucket taken = bucket != null ? bucket : newBucket(limit);
            probe[0] = taken.tryConsumeAndReturnRemaining(1);
            return taken;
        });
        return probe[0];
    }

    /** How many members hold a bucket now. */
    int size() {
        return buckets.size();
    }

    private Bucket newBucket(BucketConfiguration limit) {
        LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(time);
        for (Bandwidth bandwidth : limit.getBandwidths()) {
            builder.addLimit(bandwidth);
        }
        return builder.build();
    }

    private void dropRefilled(BucketConfiguration limit) {
        long capacity = limit.getBandwidths()[0].getCapacity();
        for (Long memberId : buckets.keySet()) {
            buckets.computeIfPresent(memberId,
                    (id, bucket) -> bucket.getAvailableTokens() >= capacity ? null : bucket);
        }
    }
}
