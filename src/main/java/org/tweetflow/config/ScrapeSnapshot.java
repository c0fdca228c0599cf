package org.tweetflow.config;

import java.time.Duration;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Clock;

/**
 * One query's answer, kept for a moment: the gauges a scrape reads one after the other share a single query, and
 * the work itself never counts anything for them. Timed on the registry's clock (monotonic), not the service's.
 */
public final class ScrapeSnapshot<T> {

    /** Shorter than any scrape interval, longer than the reading of one scrape. */
    public static final Duration KEPT = Duration.ofSeconds(5);

    private final Supplier<T> query;
    private final Clock clock;
    private T value;
    private long readAt;

    public ScrapeSnapshot(Supplier<T> query, Clock clock) {
        this.query = query;
        this.clock = clock;
    }

    public synchronized T get() {
        long now = clock.monotonicTime();
        if (value == null || now - readAt >= KEPT.toNanos()) {
            value = query.get();
            readAt = now;
        }
        return value;
    }
}
