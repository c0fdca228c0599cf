package org.tweetflow.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.tweetflow.config.ScrapeSnapshot;

/**
 * How long fetching stays paused ({@link RatePauses}: X's monthly usage cap, for every replica), and whether the
 * operators paused it all, read from the table at each scrape (one query for both gauges): a pause another replica
 * stored shows here too.
 */
@Component
public class RatePauseGauge {

    private final ScrapeSnapshot<InForce> snapshot;

    public RatePauseGauge(RatePauses pauses, Clock clock, MeterRegistry registry) {
        this.snapshot = new ScrapeSnapshot<>(() -> {
            Instant now = clock.instant();
            return new InForce(now, pauses.inForce(now));
        }, registry.config().clock());
        Gauge.builder("tweetflow.fetch.paused", this::secondsLeft).baseUnit("seconds")
                .description("Seconds until the last pause of calls to X in force ends (the monthly usage cap); "
                        + "0 when none holds").register(registry);
        Gauge.builder("tweetflow.fetch.held", this::held)
                .description("1 while the operators' pause of all fetching holds, else 0").register(registry);
    }

    /** Seconds until the longest endpoint's pause in force ends; 0 when none holds. The operators' has no end. */
    private double secondsLeft() {
        InForce read = snapshot.get();
        return read.pauses().entrySet().stream().filter(e -> !RatePauses.EVERY_CALL.equals(e.getKey()))
                .map(e -> e.getValue().until()).max(Instant::compareTo)
                .map(until -> Duration.between(read.at(), until).toMillis() / 1000.0).orElse(0.0);
    }

    private double held() {
        return snapshot.get().pauses().containsKey(RatePauses.EVERY_CALL) ? 1 : 0;
    }

    /** The pauses in force at the moment a scrape read them. */
    private record InForce(Instant at, Map<String, RatePauses.Pause> pauses) {
    }
}
