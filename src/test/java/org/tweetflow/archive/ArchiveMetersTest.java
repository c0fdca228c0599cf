package org.tweetflow.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** Syncs counted by how they ended, every outcome present from the start; posts counted as fetched. */
class ArchiveMetersTest {

    final MeterRegistry registry = new SimpleMeterRegistry();
    final ArchiveMeters meters = new ArchiveMeters(registry);

    @Test
    void everyOutcomeReadsZeroBeforeTheFirstSync() {
        assertThat(registry.find("tweetflow.archive.syncs").counters()).hasSize(SyncOutcome.Kind.values().length + 1)
                .allSatisfy(counter -> assertThat(counter.count()).isZero());
    }

    @Test
    void syncsAreCountedByTheirOutcomeAndOneWithoutOutcomeAsUnrecorded() {
        meters.ended(SyncOutcome.Kind.SYNCED);
        meters.ended(SyncOutcome.Kind.SYNCED);
        meters.ended(SyncOutcome.Kind.COOLING_DOWN);
        meters.ended(null);

        assertThat(syncs("synced")).isEqualTo(2);
        assertThat(syncs("cooling_down")).isEqualTo(1);
        assertThat(syncs(ArchiveMeters.UNRECORDED)).isEqualTo(1);
        assertThat(syncs("failed")).isZero();
    }

    @Test
    void postsFetchedAreCountedForTheArchiveJob() {
        meters.postsFetched(100);
        meters.postsFetched(0);
        meters.postsFetched(42);

        assertThat(registry.get("tweetflow.posts.fetched").tag("job", "archive").counter().count()).isEqualTo(142);
    }

    private double syncs(String outcome) {
        return registry.get("tweetflow.archive.syncs").tag("outcome", outcome).counter().count();
    }
}
