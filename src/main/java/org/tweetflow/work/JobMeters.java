package org.tweetflow.work;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What a job did, for the operator (docs/operations.md, "Metrics"): its runs by how they ended, and the posts it
 * fetched ({@code tweetflow.posts.fetched}, tagged with the job). Every outcome is registered at the start, so a rate
 * of failures reads 0 rather than nothing before the first one. Tags are outcomes, never a member or a collection.
 *
 * @param <K> the job's kinds of outcome
 */
public class JobMeters<K extends Enum<K>> {

    /** A run that ended without an outcome it could record (the database away, say). */
    public static final String UNRECORDED = "unrecorded";

    private final Map<K, Counter> runs;
    private final Counter unrecorded;
    private final Counter posts;

    /**
     * @param runs        the counter of the job's runs, tagged with their outcome ({@code tweetflow.archive.syncs})
     * @param description what the counter counts
     */
    public JobMeters(MeterRegistry registry, String job, String runs, String description, Class<K> outcomes) {
        this.runs = new EnumMap<>(outcomes);
        for (K kind : outcomes.getEnumConstants()) {
            this.runs.put(kind, run(registry, runs, description, kind.name().toLowerCase(Locale.ROOT)));
        }
        unrecorded = run(registry, runs, description, UNRECORDED);
        posts = Counter.builder("tweetflow.posts.fetched").description("Posts fetched from X, by job")
                .tag("job", job).register(registry);
    }

    /** @param outcome how the run ended, or null when it could not record an outcome */
    public void ended(K outcome) {
        (outcome == null ? unrecorded : runs.get(outcome)).increment();
    }

    public void postsFetched(int count) {
        posts.increment(count);
    }

    private static Counter run(MeterRegistry registry, String name, String description, String outcome) {
        return Counter.builder(name).description(description).tag("outcome", outcome).register(registry);
    }
}
