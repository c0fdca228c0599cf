package org.tweetflow.ratelimit;

import java.time.Instant;

/**
 * The rate-limit budget every call to X is made under, keyed by endpoint and credential. Consulted before each
 * call, corrected by each answer's headers, so the provider's own count always wins over ours. One instance per
 * process now (in memory); the distributed one (Redis) implements the same interface.
 */
public interface RateBudget {

    /** Takes one call from the budget, or says when the next call may be made. Never blocks. */
    Permit tryAcquire(BudgetKey key);

    /** Corrects the budget with what the provider answered. */
    void observe(BudgetKey key, RateLimitHeaders headers);

    /**
     * The call was answered without rate-limit headers: where the limit is still unknown the probe may be tried
     * again, so a 5xx on the very first call does not block a member for a whole window.
     */
    void unanswered(BudgetKey key);

    /**
     * Stops every call to an endpoint, whatever the credential, until the given time (the monthly usage cap). The
     * pause is stored: it holds for every replica and after a restart.
     */
    void pause(String endpoint, Instant until, String reason);
}
