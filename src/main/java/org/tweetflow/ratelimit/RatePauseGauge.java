package org.tweetflow.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * How long fetching stays paused ({@link RatePauses}: X's monthly usage cap, for every replica), read from the table
 * at each scrape: a pause another replica stored shows on this one too.
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
    }

    /** Seconds until the longest pause in force ends; 0 when none holds. */
    double secondsLeft() {
        Instant now = clock.instant();
        return pauses.inForce(now).values().stream().map(RatePauses.Pause::until).max(Instant::compareTo)
                .map(until -> Duration.between(now, until).toMillis() / 1000.0).orElse(0.0);
    }
}
