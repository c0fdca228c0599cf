package org.tweetflow.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.tweetflow.TestRedis;

/**
 * The budget of distributed mode keeps the rules of {@link RateBudgetContract} on a real Redis, and replicas (each a
 * budget on a connection of its own) share it. The tests use a Redis database of their own, flushed after each, so
 * that nobody else's keys are touched.
 */
class RedisRateBudgetTest extends RateBudgetContract {

    static final int DATABASE = 7;
    /** The connections' event loops, shared so that each test's connections open and close in milliseconds. */
    static final ClientResources CLIENT_THREADS = DefaultClientResources.create();

    final List<LettuceConnectionFactory> factories = new ArrayList<>();

    @Override
    RateBudget started() {
        return new RedisRateBudget(clock, new RatePauses(database), connect(), PROBE_HOLD);
    }

    @AfterEach
    void flushAndDisconnect() {
        flush();
        factories.forEach(LettuceConnectionFactory::destroy);
    }

    @AfterAll
    static void stopClientThreads() {
        CLIENT_THREADS.shutdown();
    }

    @Test
    void twoReplicasTogetherNeverTakeMoreThanTheProvidersRemaining() {
        RateBudget other = started();
        budget.tryAcquire(SAM_TIMELINE);
        budget.observe(SAM_TIMELINE, new RateLimitHeaders(15, 5, START.plusSeconds(600)));

        int granted = 0;
        for (int i = 0; i < 10; i++) {
            granted += budget.tryAcquire(SAM_TIMELINE).granted() ? 1 : 0;
            granted += other.tryAcquire(SAM_TIMELINE).granted() ? 1 : 0;
        }

        assertThat(granted).isEqualTo(5);
        assertThat(other.tryAcquire(SAM_TIMELINE).retryAt()).isEqualTo(START.plusSeconds(600));
    }

    @Test
    void eightThreadsOnEachOfTwoReplicasRacingTakeExactlyTheRemainingCalls() throws Exception {
        RateBudget other = started();
        budget.tryAcquire(SAM_TIMELINE);
        budget.observe(SAM_TIMELINE, new RateLimitHeaders(900, 300, START.plusSeconds(600)));

        assertThat(race(List.of(budget, other), 8, 40)).isEqualTo(300);
    }

    @Test
    void sixteenRacingCallersOfAnUnknownLimitGetOneProbe() throws Exception {
        assertThat(race(List.of(budget, started()), 8, 1)).isEqualTo(1);
    }

    @Test
    void oneReplicasAnswerLowersWhatAnotherMayTake() {
        RateBudget other = started();
        budget.tryAcquire(SAM_TIMELINE);
        budget.observe(SAM_TIMELINE, new RateLimitHeaders(900, 500, START.plusSeconds(900)));

        other.observe(SAM_TIMELINE, new RateLimitHeaders(900, 2, START.plusSeconds(900)));

        assertThat(budget.tryAcquire(SAM_TIMELINE).granted()).isTrue();
        assertThat(budget.tryAcquire(SAM_TIMELINE).granted()).isTrue();
        assertThat(budget.tryAcquire(SAM_TIMELINE).granted()).isFalse();
    }

    @Test
    void anAnswerWithALaterResetOpensTheNextWindowForEveryReplica() {
        RateBudget other = started();
        budget.tryAcquire(SAM_TIMELINE);
        budget.observe(SAM_TIMELINE, new RateLimitHeaders(15, 0, START.plusSeconds(60)));
        clock.set(START.plusSeconds(61));

        other.observe(SAM_TIMELINE, new RateLimitHeaders(15, 1, START.plusSeconds(960)));

        assertThat(budget.tryAcquire(SAM_TIMELINE).granted()).isTrue();
        Permit spent = other.tryAcquire(SAM_TIMELINE);
        assertThat(spent.granted()).isFalse();
        assertThat(spent.retryAt()).as("the provider's reset").isEqualTo(START.plusSeconds(960));
    }

    @Test
    void theProbeOfOneReplicaHoldsOffTheOtherUntilItIsAnsweredOrUnanswered() {
        RateBudget other = started();
        budget.tryAcquire(SAM_TIMELINE);

        Permit whileOut = other.tryAcquire(SAM_TIMELINE);
        budget.unanswered(SAM_TIMELINE);

        assertThat(whileOut.granted()).isFalse();
        assertThat(whileOut.retryAt()).isEqualTo(START.plus(RateBudget.PROBE_ANSWER_WAIT));
        assertThat(other.tryAcquire(SAM_TIMELINE).granted()).as("probe again, on the other replica").isTrue();
    }

    @Test
    void aPauseOfOneReplicaRefusesTheOtherWithoutAQuery() {
        RateBudget other = started();
        Instant monthEnd = START.plusSeconds(86_400);
        budget.pause("users/tweets", monthEnd, "X's monthly usage cap is reached");
        int before = connections.taken();

        Permit permit = other.tryAcquire(new BudgetKey("users/tweets", "app"));

        assertThat(permit.paused()).isTrue();
        assertThat(permit.retryAt()).isEqualTo(monthEnd);
        assertThat(permit.reason()).isEqualTo("X's monthly usage cap is reached");
        assertThat(connections.taken()).as("database connections taken by the call").isEqualTo(before);
    }

    @Test
    void theOperatorsPauseOnOneReplicaHoldsTheOthersNextCallAndAResumeOnAnyReleasesEvery() {
        RateBudget other = started();
        BudgetKey search = new BudgetKey("tweets/search/recent", "app");

        budget.pauseAll();
        Permit held = other.tryAcquire(search);
        boolean otherFetching = other.fetching();
        other.resumeAll();

        assertThat(held.held()).isTrue();
        assertThat(otherFetching).as("the other replica's workers stop claiming").isFalse();
        assertThat(budget.fetching()).isTrue();
        assertThat(budget.tryAcquire(SAM_TIMELINE).granted()).isTrue();
        assertThat(other.tryAcquire(search).granted()).isTrue();
    }

    @Test
    void theOperatorsPauseOutlivesAFlushOfRedisThroughTheCopyTakenAtTheStart() {
        budget.pauseAll();
        flush();

        RateBudget restarted = started();

        assertThat(restarted.tryAcquire(SAM_TIMELINE).held()).isTrue();
        assertThat(restarted.allPaused()).contains(RatePauses.BY_THE_OPERATORS);
    }

    @Test
    void theOperatorsPauseHoldsTheClaimsThroughAFlushOfRedisAndTheCallsOnceAClaimPollCopiedItBack() {
        RateBudget other = started();
        budget.pauseAll();
        flush();

        boolean fetching = other.reconciledFetching();
        Permit afterThePoll = other.tryAcquire(SAM_TIMELINE);

        assertThat(fetching).as("the workers claim nothing: the database says paused").isFalse();
        assertThat(afterThePoll.held()).as("the copy on Redis set right by the poll").isTrue();
        assertThat(budget.tryAcquire(new BudgetKey("tweets/search/recent", "app")).held()).as("on every replica")
                .isTrue();
    }

    @Test
    void readingWhetherFetchingGoesOnSendsNothingToRedis() {
        StringRedisTemplate redis = Mockito.spy(connect());
        RateBudget pages = new RedisRateBudget(clock, new RatePauses(database), redis, PROBE_HOLD);
        Mockito.clearInvocations(redis);

        boolean fetching = pages.fetching();
        budget.pauseAll();
        Optional<String> paused = pages.allPaused();

        assertThat(fetching).isTrue();
        assertThat(paused).contains(RatePauses.BY_THE_OPERATORS);
        Mockito.verifyNoInteractions(redis);
    }

    @Test
    void aPauseAnotherReplicaCopiesBetweenAClaimPollsReadAndItsRemovalOfAStaleCopyStaysCopied() {
        RateBudget other = started();
        budget.pauseAll();
        database.update("DELETE FROM fetch_pause");
        boolean[] pausedMeanwhile = {false};
        RatePauses pausedAfterTheRead = new RatePauses(database) {
            @Override
            public Optional<String> everyCall() {
                Optional<String> read = super.everyCall();
                if (!pausedMeanwhile[0]) {
                    pausedMeanwhile[0] = true;
                    other.pauseAll();
                }
                return read;
            }
        };
        RateBudget polling = new RedisRateBudget(clock, pausedAfterTheRead, connect(), PROBE_HOLD);

        boolean fetching = polling.reconciledFetching();

        assertThat(pausedMeanwhile[0]).isTrue();
        assertThat(fetching).as("the pause read again after the removal").isFalse();
        assertThat(other.tryAcquire(SAM_TIMELINE).held()).as("the copy on Redis restored").isTrue();
    }

    @Test
    void aReplicaStartingWhileTheOperatorsResumeDoesNotCopyTheirPauseBack() {
        budget.pauseAll();
        RatePauses resumedWhileRead = new RatePauses(database) {
            @Override
            public Map<String, Pause> inForce(Instant now) {
                Map<String, Pause> read = super.inForce(now);
                budget.resumeAll();
                return read;
            }
        };

        RateBudget starting = new RedisRateBudget(clock, resumedWhileRead, connect(), PROBE_HOLD);

        assertThat(budget.tryAcquire(SAM_TIMELINE).granted()).as("no pause left on Redis").isTrue();
        assertThat(starting.fetching()).isTrue();
    }

    @Test
    void aPauseOutlivesAFlushOfRedisThroughTheCopyTakenAtTheStart() {
        Instant monthEnd = START.plusSeconds(86_400);
        budget.pause("users/tweets", monthEnd, "X's monthly usage cap is reached");
        flush();

        Permit permit = started().tryAcquire(SAM_TIMELINE);

        assertThat(permit.paused()).isTrue();
        assertThat(permit.retryAt()).isEqualTo(monthEnd);
    }

    @Test
    void aWindowsKeyNamesEndpointAndCredentialAndVanishesAMinuteAfterItsReset() {
        budget.tryAcquire(SAM_TIMELINE);
        budget.observe(SAM_TIMELINE, new RateLimitHeaders(15, 3, START.plusSeconds(600)));

        StringRedisTemplate redis = connect();
        String key = "tweetflow:budget:{users/tweets}@member-7";
        assertThat(redis.keys("tweetflow:*")).containsExactly(key);
        assertThat(redis.<String, String>opsForHash().entries(key)).containsEntry("remaining", "3");
        long ttl = redis.getExpire(key, TimeUnit.MILLISECONDS);
        long toReset = Duration.ofSeconds(600).plus(RedisRateBudget.KEPT_AFTER_RESET).toMillis();
        assertThat(ttl).isBetween(toReset - 10_000, toReset);
    }

    @Test
    void aRedisThatDoesNotAnswerMakesTheBudgetUnavailableNotTheCallUnexpected() throws Exception {
        int closed;
        try (var free = new ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", closed), LettuceClientConfiguration.builder()
                        .clientResources(CLIENT_THREADS).commandTimeout(Duration.ofMillis(500)).build());
        factory.afterPropertiesSet();
        factories.add(factory);
        RateBudget unreachable = new RedisRateBudget(clock, new RatePauses(database), new StringRedisTemplate(factory),
                PROBE_HOLD);

        assertThatThrownBy(() -> unreachable.tryAcquire(SAM_TIMELINE))
                .isInstanceOf(RateBudgetUnavailableException.class)
                .hasCauseInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> unreachable.unanswered(SAM_TIMELINE))
                .isInstanceOf(RateBudgetUnavailableException.class);
    }

    /**
     * Every replica's {@code threads} call {@code tryAcquire} {@code tries} times each, all let go at once.
     *
     * @return the permits granted
     */
    private int race(List<RateBudget> replicas, int threads, int tries) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(replicas.size() * threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> granted = new ArrayList<>();
            for (RateBudget replica : replicas) {
                for (int t = 0; t < threads; t++) {
                    granted.add(pool.submit(() -> {
                        go.await();
                        int mine = 0;
                        for (int i = 0; i < tries; i++) {
                            mine += replica.tryAcquire(SAM_TIMELINE).granted() ? 1 : 0;
                        }
                        return mine;
                    }));
                }
            }
            go.countDown();
            int total = 0;
            for (Future<Integer> each : granted) {
                total += each.get(30, TimeUnit.SECONDS);
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A connection of its own, as each replica has. */
    private StringRedisTemplate connect() {
        URI redis = URI.create(TestRedis.url());
        var configuration = new RedisStandaloneConfiguration(redis.getHost(), redis.getPort());
        configuration.setDatabase(DATABASE);
        LettuceConnectionFactory factory = new LettuceConnectionFactory(configuration,
                LettuceClientConfiguration.builder().clientResources(CLIENT_THREADS).build());
        factory.afterPropertiesSet();
        factories.add(factory);
        return new StringRedisTemplate(factory);
    }

    /** FLUSHDB on the tests' own database: for the budget, what a FLUSHALL would do. */
    private void flush() {
        connect().execute(connection -> {
            connection.serverCommands().flushDb();
            return null;
        }, true);
    }
}
