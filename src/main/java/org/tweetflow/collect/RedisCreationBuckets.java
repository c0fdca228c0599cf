package org.tweetflow.collect;

import java.time.Clock;
import java.time.Duration;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;
import org.tweetflow.config.ConditionalOnRedis;

/**
 * The creation buckets on Redis (Bucket4j's compare-and-swap proxy manager on Lettuce): every replica takes from the
 * same bucket of a member, so the limit holds however many replicas there are. A key lives until its bucket would
 * be full again (then it is what a new one would be), plus a little for replicas' clocks that differ.
 */
@Component
@ConditionalOnRedis
class RedisCreationBuckets implements CreationBuckets {

    static final String KEY_PREFIX = "tweetflow:collection-creations:";

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(10);

    private final ProxyManager<String> buckets;

    /**
     * On Boot's Lettuce client: its URL, credentials, TLS and timeouts (spring.data.redis.*). The connection closes
     * with the client, when the factory stops.
     */
    RedisCreationBuckets(LettuceConnectionFactory redis, Clock clock) {
        if (!(redis.getNativeClient() instanceof RedisClient client)) {
            throw new IllegalStateException("collection creation buckets need a standalone or sentinel Redis, not "
                    + redis.getNativeClient());
        }
        StatefulRedisConnection<String, byte[]> connection = client.connect(
                RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .clientClock(new ClockTimeMeter(clock))
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(CLOCK_SKEW))
                .build();
    }

    @Override
    public ConsumptionProbe take(long memberId, BucketConfiguration limit) {
        return buckets.getProxy(KEY_PREFIX + memberId, () -> limit).tryConsumeAndReturnRemaining(1);
    }
}
