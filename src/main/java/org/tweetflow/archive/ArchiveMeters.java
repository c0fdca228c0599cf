package org.tweetflow.archive;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * What the archive job did, for the operator (docs/operations.md, "Metrics"): syncs by how they ended, posts fetched.
 * Every outcome is registered at the start, so a rate of failures reads 0 rather than nothing before the first one.
 */
@Component
public class ArchiveMeters {

    /** A sync that ended without an outcome it could record (the database away, say). */
    static final String UNRECORDED = "unrecorded";

    private final Map<SyncOutcome.Kind, Counter> syncs = new EnumMap<>(SyncOutcome.Kind.class);
    private final Counter unrecorded;
    private final Counter posts;

    public ArchiveMeters(MeterRegistry registry) {
        for (SyncOutcome.Kind kind : SyncOutcome.Kind.values()) {
            syncs.put(kind, sync(registry, kind.name().toLowerCase(Locale.ROOT)));
        }
        unrecorded = sync(registry, UNRECORDED);
        posts = Counter.builder("tweetflow.posts.fetched").description("Posts fetched from X, by job")
                .tag("job", "archive").register(registry);
    }

    /** @param outcome how the sync ended, or null when it could not record an outcome */
    public void synced(SyncOutcome outcome) {
        (outcome == null ? unrecorded : syncs.get(outcome.kind())).increment();
    }

    public void postsFetched(int count) {
        posts.increment(count);
    }

    private static Counter sync(MeterRegistry registry, String outcome) {
        return Counter.builder("tweetflow.archive.syncs").description("Member syncs by how they ended")
                .tag("outcome", outcome).register(registry);
    }
}
