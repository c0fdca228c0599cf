package org.tweetflow.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tweetflow.TestH2;

/** Runs counted by how they ended, posts fetched by the collection job, and every member's collections by state. */
class CollectMetersTest {

    final MeterRegistry registry = new SimpleMeterRegistry();
    final CollectMeters meters = new CollectMeters(registry);

    @Test
    void runsAreCountedByTheirOutcomeAndOneWithoutOutcomeAsUnrecorded() {
        assertThat(registry.find("tweetflow.collect.runs").counters())
                .hasSize(CollectOutcome.Kind.values().length + 1);
        meters.ended(CollectOutcome.Kind.COLLECTED);
        meters.ended(CollectOutcome.Kind.RATE_LIMITED);
        meters.ended(null);

        assertThat(runs("collected")).isEqualTo(1);
        assertThat(runs("rate_limited")).isEqualTo(1);
        assertThat(runs(CollectMeters.UNRECORDED)).isEqualTo(1);
        assertThat(runs("failed")).isZero();
    }

    @Test
    void postsFetchedAreCountedForTheCollectionJob() {
        meters.postsFetched(100);
        meters.postsFetched(7);

        assertThat(registry.get("tweetflow.posts.fetched").tag("job", "collect").counter().count()).isEqualTo(107);
    }

    @Test
    void collectionsAreCountedByStateEveryStateReadingZeroWhenNoneIsInIt() {
        JdbcDataSource h2 = TestH2.migrated();
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("INSERT INTO member (id, project_member_id, created_at, updated_at) VALUES (1, 'm1', ?, ?)", now,
                now);
        for (String state : new String[] {"collected", "collected", "failed", "queued"}) {
            jdbc.update("INSERT INTO collection (member_id, query, max_count, state, created_at, updated_at) "
                    + "VALUES (1, '#climate', 100, ?, ?, ?)", state, now, now);
        }

        new CollectionGauges(jdbc).bindTo(registry);

        assertThat(collections(Collection.COLLECTED)).isEqualTo(2);
        assertThat(collections(Collection.FAILED)).isEqualTo(1);
        assertThat(collections(Collection.QUEUED)).isEqualTo(1);
        assertThat(collections(Collection.RATE_LIMITED)).isZero();
        assertThat(registry.find("tweetflow.collections").gauges()).hasSize(CollectionGauges.STATES.size());
    }

    private double runs(String outcome) {
        return registry.get("tweetflow.collect.runs").tag("outcome", outcome).counter().count();
    }

    private double collections(String state) {
        return registry.get("tweetflow.collections").tag("state", state).gauge().value();
    }
}
