package org.tweetflow.collect;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Where the members' creation buckets live: in this process on a single machine ({@link LocalCreationBuckets}), on
 * Redis when replicas share the limit ({@link RedisCreationBuckets}). {@link CollectionLimits} says what the limit is.
 */
interface CreationBuckets {

    /** Takes one creation from the member's bucket, made with {@code limit} if the member has none (or it lapsed). */
    ConsumptionProbe take(long memberId, BucketConfiguration limit);
}
