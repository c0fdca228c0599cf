package org.tweetflow.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The rate-limit budget every call to X is made under, keyed by endpoint and credential. Consulted before each
 * call, corrected by each answer's headers, so the provider's own count always wins over ours. In memory on a single
 * machine ({@link InProcessRateBudget}), on Redis shared by every replica in distributed mode ({@link RedisRateBudget});
 * both follow the same rules: until the first answer tells the real limit of a key only one call at a time is
 * allowed (a probe), so no guess can overspend; after that the provider's remaining count and reset time rule. A probe
 * unanswered for longer than a call may take with all its redeliveries is lost (its replica died): another may go.
 */
public interface RateBudget {

    /** X's windows are 15 minutes; used only until an answer says when the window really resets. */
    Duration DEFAULT_WINDOW = Duration.ofMinutes(15);
    /** How soon a caller asks again while the probe that will tell the limit is still out. */
    Duration PROBE_ANSWER_WAIT = Duration.ofSeconds(10);

    /** Takes one call from the budget, or says when the next call may be made. Never blocks. */
    Permit tryAcquire(BudgetKey key);

    /** Corrects the budget with what the provider answered. */
    void observe(BudgetKey key, RateLimitHeaders headers);

    /**
     * The call was answered without rate-limit headers: where the limit is still unknown the probe may be tried
     * again, so a 5xx on the very first call does not block a member for a whole window. A window a 429 without
     * headers ended stays spent until its reset.
     */
    void unanswered(BudgetKey key);

    /**
     * Stops every call to an endpoint, whatever the credential, until the given time (the monthly usage cap). The
     * pause is stored ({@link RatePauses}): it holds for every replica and after a restart. Of two pauses the longer
     * holds. The budget keeps the pauses where it keeps its windows, so a call is checked without a query.
     */
    void pause(String endpoint, Instant until, String reason);

    /**
     * The operators' pause: stops every metered call to X until {@link #resumeAll}, stored like {@link #pause} (for
     * every replica, at its next call, and after a restart). A call refused by it ends its job as a rate limit does:
     * what was fetched is kept, the rest waits in the queue.
     */
    default void pauseAll() {
        pause(RatePauses.EVERY_CALL, RatePauses.UNTIL_RESUMED, RatePauses.BY_THE_OPERATORS);
    }

    /** Ends the operators' pause; the pauses of X's usage cap hold on. */
    void resumeAll();

    /**
     * Why the operators paused every call, while they do: read from the database ({@link RatePauses#everyCall}), the
     * truth of their pause; one query, nothing written, so pages and endpoints may ask it at every view.
     */
    Optional<String> allPaused();

    /** Whether calls to X go on (no operators' pause), read as {@link #allPaused} reads it. */
    default boolean fetching() {
        return allPaused().isEmpty();
    }

    /**
     * Whether calls to X go on, once a claim poll (the workers claim no work while they do not): the database read
     * as {@link #fetching} reads it, and the budget's own copy of the operators' pause, which each call reads, set
     * right from it.
     */
    boolean reconciledFetching();
}
