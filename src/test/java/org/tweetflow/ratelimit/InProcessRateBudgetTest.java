package org.tweetflow.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tweetflow.MutableClock;

class InProcessRateBudgetTest {

    static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    static final BudgetKey SAM_TIMELINE = new BudgetKey("users/tweets", "member-7");

    final MutableClock clock = new MutableClock(START);
    final InProcessRateBudget budget = new InProcessRateBudget(clock);

    @Test
    void allowsOnlyOneProbeUntilAnAnswerTellsTheLimit() {
        assertThat(budget.tryAcquire(SAM_TIMELINE).granted()).isTrue();
        assertThat(budget.tryAcquire(SAM_TIMELINE).granted()).isFalse();

        budget.observe(SAM_TIMELINE, new RateLimitHeaders(900, 899, START.plusSeconds(900)));

        assertThat(budget.tryAcquire(SAM_TIMELINE).granted()).isTrue();
    }

    @Test
    void spendsExactlyTheRemainingCallsThenNamesTheReset() {
        Instant reset = START.plusSeconds(600);
        budget.tryAcquire(SAM_TIMELINE);
        budget.observe(SAM_TIMELINE, new RateLimitHeaders(15, 3, reset));

        int granted = 0;
        for (int i = 0; i < 10; i++) {
            granted += budget.tryAcquire(SAM_TIMELINE).granted() ? 1 : 0;
        }

        assertThat(granted).isEqualTo(3);
        assertThat(budget.tryAcquire(SAM_TIMELINE).retryAt()).isEqualTo(reset);
    }

    @Test
    void theWholeLimitIsAvailableAgainAfterTheReset() {
        budget.tryAcquire(SAM_TIMELINE);
        budget.observe(SAM_TIMELINE, new RateLimitHeaders(2, 0, START.plusSeconds(60)));

        clock.set(START.plusSeconds(61));

        assertThat(budget.tryAcquire(SAM_TIMELINE).granted()).isTrue();
        assertThat(budget.tryAcquire(SAM_TIMELINE).granted()).isTrue();
        assertThat(budget.tryAcquire(SAM_TIMELINE).granted()).isFalse();
    }

    @Test
    void theNextWindowEndsWhenTheProviderSaysNotWhenTheDefaultGuessWould() {
        budget.tryAcquire(SAM_TIMELINE);
        budget.observe(SAM_TIMELINE, new RateLimitHeaders(2, 0, START.plusSeconds(60)));
        clock.set(START.plusSeconds(61));
        budget.tryAcquire(SAM_TIMELINE);
        budget.observe(SAM_TIMELINE, new RateLimitHeaders(2, 1, START.plusSeconds(120)));
        budget.tryAcquire(SAM_TIMELINE);

        assertThat(budget.tryAcquire(SAM_TIMELINE).retryAt()).isEqualTo(START.plusSeconds(120));
    }

    @Test
    void theProvidersLowerCountWinsWithinAWindow() {
        budget.tryAcquire(SAM_TIMELINE);
        budget.observe(SAM_TIMELINE, new RateLimitHeaders(900, 500, START.plusSeconds(900)));
        budget.observe(SAM_TIMELINE, new RateLimitHeaders(900, 1, START.plusSeconds(900)));

        assertThat(budget.tryAcquire(SAM_TIMELINE).granted()).isTrue();
        assertThat(budget.tryAcquire(SAM_TIMELINE).granted()).isFalse();
    }

    @Test
    void budgetsOfTwoMembersAreIndependent() {
        BudgetKey ada = new BudgetKey("users/tweets", "member-1");
        budget.tryAcquire(SAM_TIMELINE);
        budget.observe(SAM_TIMELINE, new RateLimitHeaders(900, 0, START.plusSeconds(900)));

        assertThat(budget.tryAcquire(ada).granted()).isTrue();
    }

    @Test
    void usageCapPausesTheEndpointForEveryCredential() {
        Instant monthEnd = START.plusSeconds(86_400);
        budget.pause("users/tweets", monthEnd, "monthly usage cap");

        Permit permit = budget.tryAcquire(new BudgetKey("users/tweets", "member-1"));

        assertThat(permit.granted()).isFalse();
        assertThat(permit.retryAt()).isEqualTo(monthEnd);
        assertThat(permit.reason()).contains("usage cap");
        assertThat(budget.tryAcquire(new BudgetKey("users/me", "member-1")).granted()).isTrue();
    }

    @Test
    void readsTheThreeHeadersAndIgnoresGarbage() {
        assertThat(RateLimitHeaders.from(Map.<String, Object>of("x-rate-limit-limit", "900",
                "x-rate-limit-remaining", "12", "x-rate-limit-reset", "1764064800")::get))
                .contains(new RateLimitHeaders(900, 12, Instant.ofEpochSecond(1764064800L)));
        assertThat(RateLimitHeaders.from(Map.<String, Object>of("x-rate-limit-limit", "many")::get)).isEmpty();
    }

    @Test
    void anAnswerWithoutHeadersLetsTheProbeBeTriedAgainButNeverAKnownWindow() {
        budget.tryAcquire(SAM_TIMELINE);
        budget.unanswered(SAM_TIMELINE);
        assertThat(budget.tryAcquire(SAM_TIMELINE).granted()).as("probe again").isTrue();

        budget.observe(SAM_TIMELINE, new RateLimitHeaders(2, 0, START.plusSeconds(60)));
        budget.unanswered(SAM_TIMELINE);

        assertThat(budget.tryAcquire(SAM_TIMELINE).granted()).isFalse();
    }
}
