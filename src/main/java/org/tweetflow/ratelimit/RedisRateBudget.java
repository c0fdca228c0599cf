package org.tweetflow.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import org.tweetflow.config.ConditionalOnRedis;
import org.tweetflow.config.TweetflowProperties;

/**
 * The budget of distributed mode, shared by every replica on Redis (see {@link RateBudget} for its rules). Each
 * operation is one call of one Lua script ({@code ratelimit/rate-budget.lua}): one round trip, atomic, so the
 * replicas together never take more than the provider's remaining calls. Not Bucket4j: X's windows are fixed and X
 * announces their reset, and each answer's correction is a compare-and-set (the lower count within a window, a later
 * reset replaces the window, an unknown limit allows one probe) that a refilling token bucket cannot express.
 *
 * <p>Keys: {@code tweetflow:budget:{endpoint}@credential} (the credential is an opaque id, never a token) and
 * {@code tweetflow:pause:{endpoint}} ({@code tweetflow:pause:{*}}: the operators' pause of every endpoint, which
 * every acquire reads too), on one standalone Redis (or one behind Sentinel; Redis Cluster, where one script may not
 * read keys of several slots, is refused at the start, {@code config.DeploymentSettings}). Pauses are stored in the
 * database as well ({@link RatePauses}, which survives a Redis flush) and copied from there to Redis when the budget
 * starts, so a call never queries the database; the operators' pause is checked against the database, and its copy
 * set right, at every claim poll ({@link #reconciledFetching}); pages and endpoints only read the database.
 */
@Component("rateBudget")
@ConditionalOnRedis
public class RedisRateBudget implements RateBudget {

    /** A window's key outlives its reset this long; after it a credential no longer used leaves no key behind. */
    static final Duration KEPT_AFTER_RESET = Duration.ofMinutes(1);

    private static final RedisScript<List> SCRIPT = RedisScript.of(new ClassPathResource("ratelimit/rate-budget.lua"),
            List.class);
    private static final long GRANTED = 1;
    private static final long PAUSED = 2;
    private static final long PROBE_OUT = 3;
    private static final long HELD = 5;

    private final Clock clock;
    private final RatePauses storedPauses;
    private final StringRedisTemplate redis;
    private final Duration probeHold;

    @Autowired
    public RedisRateBudget(Clock clock, RatePauses storedPauses, StringRedisTemplate redis,
            TweetflowProperties properties) {
        this(clock, storedPauses, redis, properties.http().longestCall());
    }

    /** @param probeHold how long a probe holds an unknown window before another may go (its replica may have died) */
    public RedisRateBudget(Clock clock, RatePauses storedPauses, StringRedisTemplate redis, Duration probeHold) {
        this.clock = clock;
        this.storedPauses = storedPauses;
        this.redis = redis;
        this.probeHold = probeHold;
        Map<String, RatePauses.Pause> stored = storedPauses.inForce(clock.instant());
        stored.forEach(this::storePause);
        if (stored.containsKey(RatePauses.EVERY_CALL)) {
            // the operators may have resumed since the read: their pause stays copied only while it is still stored
            reconciledFetching();
        }
    }

    @Override
    public Permit tryAcquire(BudgetKey key) {
        Instant now = clock.instant();
        List<?> answer = run(now, List.of(windowKey(key), pauseKey(key.endpoint()), pauseKey(RatePauses.EVERY_CALL)),
                "acquire", DEFAULT_WINDOW.toMillis(), PROBE_ANSWER_WAIT.toMillis(), KEPT_AFTER_RESET.toMillis(),
                probeHold.toMillis(), RateLimitHeaders.LATE_CALLS.toMillis());
        long outcome = (Long) answer.get(0);
        if (outcome == GRANTED) {
            return Permit.allow();
        }
        if (outcome == HELD) {
            return Permit.heldByOperators(now, (String) answer.get(1));
        }
        Instant until = Instant.ofEpochMilli((Long) answer.get(1));
        if (outcome == PAUSED) {
            return Permit.paused(until, (String) answer.get(2));
        }
        return outcome == PROBE_OUT ? Permit.probeOut(key, until) : Permit.spent(key, until);
    }

    @Override
    public void observe(BudgetKey key, RateLimitHeaders headers) {
        run(List.of(windowKey(key)), "observe", headers.limit(), headers.remaining(), headers.reset().toEpochMilli(),
                KEPT_AFTER_RESET.toMillis(), DEFAULT_WINDOW.toMillis());
    }

    @Override
    public void unanswered(BudgetKey key) {
        run(List.of(windowKey(key)), "unanswered");
    }

    @Override
    public void pause(String endpoint, Instant until, String reason) {
        storedPauses.pause(endpoint, until, reason);
        storePause(endpoint, new RatePauses.Pause(until, reason));
    }

    /** The stored pause first: a replica started meanwhile copies it from there. */
    @Override
    public void resumeAll() {
        storedPauses.end(RatePauses.EVERY_CALL);
        redisCall(() -> redis.delete(pauseKey(RatePauses.EVERY_CALL)));
    }

    @Override
    public Optional<String> allPaused() {
        return storedPauses.everyCall();
    }

    /**
     * Redis's copy of the operators' pause set right: copied again after a flush or restart of Redis, removed when a
     * copy outlived the resume (a replica starting while the operators resume). The database is read again after
     * each write, so a resume between the read and the copy is not undone, and a pause (another replica's) between
     * the read and the removal is copied back at once.
     */
    @Override
    public boolean reconciledFetching() {
        Optional<String> stored = storedPauses.everyCall();
        boolean copied = Boolean.TRUE.equals(redisCall(() -> redis.hasKey(pauseKey(RatePauses.EVERY_CALL))));
        if (stored.isPresent() && !copied) {
            copyOperatorsPause(stored.get());
            copied = true;
            stored = storedPauses.everyCall();
        }
        if (stored.isEmpty() && copied) {
            redisCall(() -> redis.delete(pauseKey(RatePauses.EVERY_CALL)));
            stored = storedPauses.everyCall();
            stored.ifPresent(this::copyOperatorsPause);
        }
        return stored.isEmpty();
    }

    private static <T> T redisCall(Supplier<T> call) {
        try {
            return call.get();
        } catch (DataAccessException unavailable) {
            throw new RateBudgetUnavailableException(unavailable);
        }
    }

    private void copyOperatorsPause(String reason) {
        storePause(RatePauses.EVERY_CALL, new RatePauses.Pause(RatePauses.UNTIL_RESUMED, reason));
    }

    private void storePause(String endpoint, RatePauses.Pause pause) {
        run(List.of(pauseKey(endpoint)), "pause", pause.until().toEpochMilli(), pause.reason());
    }

    /**
     * Runs one operation of the script at this replica's time. Not Redis's TIME: the replicas' clocks are kept by NTP,
     * and the {@link RateLimitHeaders#ROLL_MARGIN} every reset carries (2 s) covers their skew; a frozen test clock
     * then rules the script as it rules the rest of the service.
     *
     * @throws RateBudgetUnavailableException Redis did not answer: an outage, which the calls' redeliveries retry
     */
    private List<?> run(List<String> keys, String operation, Object... arguments) {
        return run(clock.instant(), keys, operation, arguments);
    }

    private List<?> run(Instant now, List<String> keys, String operation, Object... arguments) {
        Object[] args = new Object[arguments.length + 2];
        args[0] = operation;
        args[1] = Long.toString(now.toEpochMilli());
        for (int i = 0; i < arguments.length; i++) {
            args[i + 2] = arguments[i].toString();
        }
        try {
            return redis.execute(SCRIPT, keys, args);
        } catch (DataAccessException unavailable) {
            throw new RateBudgetUnavailableException(unavailable);
        }
    }

    private static String windowKey(BudgetKey key) {
        return "tweetflow:budget:{" + key.endpoint() + "}@" + key.credential();
    }

    private static String pauseKey(String endpoint) {
        return "tweetflow:pause:{" + endpoint + "}";
    }
}
