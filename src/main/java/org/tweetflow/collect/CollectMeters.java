package org.tweetflow.collect;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;
import org.tweetflow.work.JobMeters;

/**
 * What the collection job did, for the operator (docs/operations.md, "Metrics"): runs by how they ended, posts
 * fetched, and how long each summary step took. Tags are outcomes and step names, never a collection or its query.
 */
@Component
public class CollectMeters extends JobMeters<CollectOutcome.Kind> {

    private final MeterRegistry registry;

    public CollectMeters(MeterRegistry registry) {
        super(registry, "collect", "tweetflow.collect.runs", "Collection runs by how they ended",
                CollectOutcome.Kind.class);
        this.registry = registry;
    }

    /** A summary step ended ({@link CollectionStep#DONE} or {@link CollectionStep#FAILED}) after {@code took}. */
    public void stepEnded(String step, String state, Duration took) {
        Timer.builder("tweetflow.summary.steps").description("Summary steps of collections, by step and outcome")
                .tag("step", step).tag("outcome", state).register(registry).record(took);
    }
}
