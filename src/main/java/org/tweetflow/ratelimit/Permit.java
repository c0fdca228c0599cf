package org.tweetflow.ratelimit;

import java.time.Instant;

/**
 * The budget's answer: go ahead now, or not before {@code retryAt}.
 *
 * @param paused whether a stored pause of the whole endpoint (X's monthly usage cap) said no, rather than a spent
 *               window: the member is told which, also after a restart when no 429 of this process said so
 * @param held   whether the operators' pause of every call said no (until they resume: no time is known)
 */
public record Permit(boolean granted, Instant retryAt, String reason, boolean paused, boolean held) {

    public static Permit allow() {
        return new Permit(true, null, null, false, false);
    }

    /** The window of the key is spent until {@code retryAt}. */
    public static Permit notBefore(Instant retryAt, String reason) {
        return new Permit(false, retryAt, reason, false, false);
    }

    /** The first call of the key is out and its answer will tell the limit: ask again at {@code retryAt}. */
    static Permit probeOut(BudgetKey key, Instant retryAt) {
        return notBefore(retryAt, "first call of " + key.endpoint() + " not answered yet");
    }

    /** Nothing left of the key's window until its {@code reset}. */
    static Permit spent(BudgetKey key, Instant reset) {
        return notBefore(reset, "rate limit of " + key.endpoint() + " spent");
    }

    /** Every call of the endpoint is paused until {@code until} (see {@link RateBudget#pause}). */
    public static Permit paused(Instant until, String reason) {
        return new Permit(false, until, reason, true, false);
    }

    /**
     * The operators paused every call to X ({@link RateBudget#pauseAll}). The work waits in the queue, which no
     * worker claims from while the pause holds ({@link RateBudget#fetching}): asked again from {@code now} on, it goes
     * on as soon as they resume.
     */
    static Permit heldByOperators(Instant now, String reason) {
        return new Permit(false, now, reason, false, true);
    }
}
