package org.tweetflow.ratelimit;

/** The single machine's budget keeps the rules of {@link RateBudgetContract}; a restart is a new instance. */
class InProcessRateBudgetTest extends RateBudgetContract {

    @Override
    RateBudget started() {
        return new InProcessRateBudget(clock, new RatePauses(database), PROBE_HOLD);
    }
}
