package org.tweetflow.twitter;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;
import org.tweetflow.ratelimit.Permit;

/**
 * What the calls to X are doing, for the operator (docs/operations.md, "Metrics"): each call by endpoint family and
 * status, the 429s by limit, and the waits the budget imposes. Tags are endpoint families and statuses only, never a
 * member, a query or a token.
 */
@Component
public class XCallMeters {

    /** The status of a call that got no answer (a timeout, a broken connection). */
    static final String NO_ANSWER = "none";

    private final MeterRegistry registry;
    private final Clock clock;

    public XCallMeters(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** The call is being sent now: its timer runs until {@link #answered}. */
    public Timer.Sample sending() {
        return Timer.start(registry);
    }

    /** @param status the HTTP status X answered with, or null when no answer came */
    public void answered(XCall call, Timer.Sample sending, Integer status) {
        sending.stop(Timer.builder("tweetflow.x.calls")
                .description("Calls to X by endpoint family and HTTP status (none: no answer)")
                .tag("endpoint", call.endpoint()).tag("status", status == null ? NO_ANSWER : status.toString())
                .register(registry));
    }

    /** X answered 429: a spent window, or the monthly usage cap. */
    public void rateLimited(XCall call, boolean usageCap) {
        Counter.builder("tweetflow.x.rate.limited").description("429 answers of X by endpoint family and limit")
                .tag("endpoint", call.endpoint()).tag("limit", usageCap ? "usage_cap" : "window")
                .register(registry).increment();
    }

    /**
     * The budget refused the call: the caller waits until the permit's retry time (an operators' pause, {@code held},
     * has none: it lasts until they resume, and counts as no time).
     */
    public void budgetRefused(XCall call, Permit refusal) {
        Duration wait = Duration.between(clock.instant(), refusal.retryAt());
        Timer.builder("tweetflow.budget.waits")
                .description("Calls the rate budget held back, and how long until they may go")
                .tag("endpoint", call.endpoint())
                .tag("cause", refusal.held() ? "held" : refusal.paused() ? "paused" : "window")
                .register(registry).record(wait.isNegative() ? Duration.ZERO : wait);
    }
}
