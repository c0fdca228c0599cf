package org.tweetflow.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tweetflow.MutableClock;
import org.tweetflow.TestH2;
import org.tweetflow.config.ScrapeSnapshot;

/** The work queue's gauges: depths by state and the oldest due item's wait, one query shared by a scrape. */
class WorkQueueGaugesTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final Duration LEASE = Duration.ofMinutes(5);

    final MutableClock clock = new MutableClock(NOW);
    final MockClock registryClock = new MockClock();
    final MeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, registryClock);
    JdbcTemplate jdbc;
    WorkLeases leases;

    @BeforeEach
    void database() {
        JdbcDataSource h2 = TestH2.migrated();
        jdbc = new JdbcTemplate(h2);
        leases = new WorkLeases(jdbc, new TransactionTemplate(new DataSourceTransactionManager(h2)), clock);
        WorkQueueGauges gauges = new WorkQueueGauges(jdbc, clock, registry);
        gauges.watch("archive");
        gauges.watch("collect");
    }

    @Test
    void eachKindCountsItsDueLaterAndRunningItemsAndTheOldestDueItemsWait() {
        item("archive", 1, NOW.minusSeconds(300));
        item("archive", 2, NOW.minusSeconds(60));
        item("archive", 3, NOW.minusSeconds(900));
        item("archive", 4, NOW.plusSeconds(600));
        item("collect", 1, NOW.minusSeconds(30));
        // the oldest one is taken by a worker: it is running, no longer waiting
        assertThat(leases.claimNext("archive", "replica-a#1", LEASE)).isPresent();

        assertThat(depth("archive", "due")).isEqualTo(2);
        assertThat(depth("archive", "later")).isEqualTo(1);
        assertThat(depth("archive", "running")).isEqualTo(1);
        assertThat(oldest("archive")).isEqualTo(300);
        assertThat(depth("collect", "due")).isEqualTo(1);
        assertThat(oldest("collect")).isEqualTo(30);
    }

    @Test
    void anEmptyQueueReadsZeroAndAnItemWhoseLeaseExpiredIsDueAgain() {
        assertThat(depth("collect", "due")).isZero();
        assertThat(oldest("collect")).isZero();

        item("collect", 1, NOW.minusSeconds(60));
        leases.claimNext("collect", "replica-a#1", LEASE).orElseThrow();
        clock.set(NOW.plus(LEASE).plusSeconds(1));
        registryClock.add(Duration.ofMinutes(1));

        assertThat(depth("collect", "running")).isZero();
        assertThat(depth("collect", "due")).isEqualTo(1);
    }

    @Test
    void theGaugesOfOneScrapeShareOneQueryAndTheNextScrapeQueriesAgain() {
        item("archive", 1, NOW.minusSeconds(60));
        assertThat(depth("archive", "due")).isEqualTo(1);

        item("archive", 2, NOW.minusSeconds(60));
        assertThat(depth("archive", "due")).as("the same scrape").isEqualTo(1);

        registryClock.add(ScrapeSnapshot.KEPT);
        assertThat(depth("archive", "due")).as("the next scrape").isEqualTo(2);
    }

    private void item(String kind, long subject, Instant notBefore) {
        jdbc.update("INSERT INTO work_item (kind, subject_id, reason, not_before, queued_at) VALUES (?, ?, ?, ?, ?)",
                kind, subject, "test", Timestamp.from(notBefore), Timestamp.from(notBefore));
    }

    private double depth(String kind, String state) {
        return registry.get("tweetflow.queue.depth").tag("kind", kind).tag("state", state).gauge().value();
    }

    private double oldest(String kind) {
        return registry.get("tweetflow.queue.oldest.age").tag("kind", kind).gauge().value();
    }
}
