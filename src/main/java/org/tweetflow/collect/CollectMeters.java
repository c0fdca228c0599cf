package org.tweetflow.collect;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * What the collection job did, for the operator (docs/operations.md, "Metrics"): runs by how they ended, posts
 * fetched, and how long each summary step took. Tags are outcomes and step names, never a collection or its query.
 */
@Component
public class CollectMeters {

    /** A run that ended without an outcome it could record (the database away, say). */
    static final String UNRECORDED = "unrecorded";

    private final MeterRegistry registry;
    private final Map<CollectOutcome.Kind, Counter> runs = new EnumMap<>(CollectOutcome.Kind.class);
    private final Counter unrecorded;
    private final Counter posts;

    public CollectMeters(MeterRegistry registry) {
        this.registry = registry;
        for (CollectOutcome.Kind kind : CollectOutcome.Kind.values()) {
            runs.put(kind, run(kind.name().toLowerCase(Locale.ROOT)));
        }
        unrecorded = run(UNRECORDED);
        posts = Counter.builder("tweetflow.posts.fetched").description("Posts fetched from X, by job")
                .tag("job", "collect").register(registry);
    }

    /** @param outcome how the run ended, or null when it could not record an outcome */
    public void ran(CollectOutcome outcome) {
        (outcome == null ? unrecorded : runs.get(outcome.kind())).increment();
    }

    public void postsFetched(int count) {
        posts.increment(count);
    }

    /** A summary step ended ({@link CollectionStep#DONE} or {@link CollectionStep#FAILED}) after {@code took}. */
    public void stepEnded(String step, String state, Duration took) {
        Timer.builder("tweetflow.summary.steps").description("Summary steps of collections, by step and outcome")
                .tag("step", step).tag("outcome", state).register(registry).record(took);
    }

    private Counter run(String outcome) {
        return Counter.builder("tweetflow.collect.runs").description("Collection runs by how they ended")
                .tag("outcome", outcome).register(registry);
    }
}
