package org.tweetflow.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * How long fetching stays paused ({@link RatePauses}: X's monthly usage cap, for every replica), and whether the
 * operators paused it all, read from the table at each scrape: a pause another replica stored shows here too.
 */
@Component
public class RatePauseGauge implements MeterBinder {

    private final RatePauses pauses;
    private final Clock clock;

    public RatePauseGauge(RatePauses pauses, Clock clock) {
        this.pauses = pauses;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("tweetflow.fetch.paused", this::secondsLeft).baseUnit("seconds")
                .description("Seconds until the last pause of calls to X in force ends (the monthly usage cap); "
                        + "0 when none holds").register(registry);
        Gauge.builder("tweetflow.fetch.held", this::held)
                .description("1 while the operators' pause of all fetching holds, else 0").register(registry);
    }

    /** Seconds until the longest endpoint's pause in force ends; 0 when none holds. The operators' has no end. */
    double secondsLeft() {
        Instant now = clock.instant();
        return pauses.inForce(now).entrySet().stream().filter(e -> !RatePauses.EVERY_CALL.equals(e.getKey()))
                .map(e -> e.getValue().until()).max(Instant::compareTo)
                .map(until -> Duration.between(now, until).toMillis() / 1000.0).orElse(0.0);
    }

    double held() {
        return pauses.inForce(clock.instant()).containsKey(RatePauses.EVERY_CALL) ? 1 : 0;
    }
}
