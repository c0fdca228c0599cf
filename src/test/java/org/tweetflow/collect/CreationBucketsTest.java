package org.tweetflow.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.tweetflow.MutableClock;
import org.tweetflow.TestRedis;

/**
 * The creation limit holds for a member across replicas sharing Redis, whose keys lapse once the bucket would be
 * full again; a single machine's buckets are dropped once refilled, so they do not pile up with every member.
 */
class CreationBucketsTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T12:00:00Z"));
    final Collections collections = mock(Collections.class);
    final LettuceConnectionFactory redisA = redis();
    final LettuceConnectionFactory redisB = redis();

    @AfterEach
    void close() {
        redisA.destroy();
        redisB.destroy();
    }

    @Test
    void twoReplicasOnOneRedisShareAMembersCreationsPerMinute() {
        long member = uniqueMember();
        when(collections.countsLocked(member)).thenReturn(new MemberCollections(0, 0));
        CollectionLimits replicaA = limits(new RedisCreationBuckets(redisA, clock));
        CollectionLimits replicaB = limits(new RedisCreationBuckets(redisB, clock));

        replicaA.admitNew(member, false);
        replicaB.admitNew(member, false);
        replicaA.admitNew(member, false);

        assertThatThrownBy(() -> replicaB.admitNew(member, false)).isInstanceOf(CollectionLimitException.class)
                .hasMessageEndingWith("the next one can start in 20 s");
        clock.advance(Duration.ofSeconds(20));
        replicaB.admitNew(member, false);
    }

    @Test
    void aMembersBucketOnRedisLapsesOnceItWouldBeFullAgain() {
        long member = uniqueMember();
        when(collections.countsLocked(member)).thenReturn(new MemberCollections(0, 0));
        limits(new RedisCreationBuckets(redisA, clock)).admitNew(member, false);

        StringRedisTemplate redis = new StringRedisTemplate(redisA);
        Long ttl = redis.getExpire(RedisCreationBuckets.KEY_PREFIX + member);
        // one of three taken: a third of the minute to refill, plus the allowance for replicas' clocks
        assertThat(ttl).isBetween(25L, 30L);
    }

    @Test
    void aSingleMachineKeepsBucketsOnlyForMembersWhoStartedACollectionWithinTheMinute() {
        LocalCreationBuckets local = new LocalCreationBuckets(clock);
        CollectionLimits limits = limits(local);
        for (long member = 1; member <= 500; member++) {
            when(collections.countsLocked(member)).thenReturn(new MemberCollections(0, 0));
            limits.admitNew(member, false);
        }
        assertThat(local.size()).isEqualTo(500);

        clock.advance(Duration.ofSeconds(20));
        limits.admitNew(1, false);

        assertThat(local.size()).as("only member 1, who started one again").isEqualTo(1);
    }

    private CollectionLimits limits(CreationBuckets buckets) {
        return new CollectionLimits(collections, CollectionLimitsTest.properties(), buckets);
    }

    /** A member of this run's own: the tests share one Redis, which keeps keys between runs of one JVM. */
    private static long uniqueMember() {
        return System.nanoTime();
    }

    private static LettuceConnectionFactory redis() {
        URI url = URI.create(TestRedis.url());
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration(url.getHost(), url.getPort()));
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }
}
