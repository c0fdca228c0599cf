package org.tweetflow.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tweetflow.MutableClock;
import org.tweetflow.TestH2;
import org.tweetflow.work.LeaseLostException;
import org.tweetflow.work.WorkItem;
import org.tweetflow.work.WorkLeases;

/** A collection's steps are claimed and written only under its work item's live lease. */
class CollectionStepsTest {

    static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    static final Duration LEASE = Duration.ofMinutes(5);
    static final List<String> OUTPUTS = List.of("count-hashtags.csv", "media.csv", "bundle.zip");
    static final long COLLECTION = 1;

    final MutableClock clock = new MutableClock(START);
    JdbcTemplate jdbc;
    WorkLeases leases;
    CollectionSteps steps;
    final MeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void database() {
        JdbcDataSource h2 = TestH2.migrated();
        jdbc = new JdbcTemplate(h2);
        leases = new WorkLeases(jdbc, new TransactionTemplate(new DataSourceTransactionManager(h2)), clock);
        steps = new CollectionSteps(jdbc, clock, new CollectMeters(registry));
        Timestamp now = Timestamp.from(START);
        jdbc.update("INSERT INTO member (id, project_member_id, created_at, updated_at) VALUES (1, 'm1', ?, ?)", now,
                now);
        jdbc.update("INSERT INTO collection (id, member_id, query, max_count, state, created_at, updated_at) "
                + "VALUES (?, 1, '#climate', 100, 'collected', ?, ?)", COLLECTION, now, now);
        new CollectionQueue(jdbc, clock, leases).queue(COLLECTION, "created");
    }

    @Test
    void stepsRunningUnderALiveLeaseAreClaimedByNoOtherWorkerHoweverLongTheyRun() {
        WorkItem holder = leases.claimNext(CollectionQueue.KIND, "replica-a#1", LEASE).orElseThrow();
        assertThat(steps.claim(COLLECTION, holder, OUTPUTS)).containsExactlyElementsOf(OUTPUTS);
        // an hour of work, its lease renewed by the heartbeat
        for (int minute = 1; minute <= 60; minute++) {
            clock.set(START.plus(Duration.ofMinutes(minute)));
            assertThat(leases.renew(holder, holder.leaseOwner(), LEASE)).isTrue();
        }

        assertThat(leases.claimNext(CollectionQueue.KIND, "replica-a#2", LEASE)).as("the second worker").isEmpty();
        WorkItem stale = new WorkItem(holder.id(), holder.kind(), COLLECTION, holder.reason(), 1, "replica-b#1");
        assertThat(steps.claim(COLLECTION, stale, OUTPUTS)).as("a worker not holding the lease").isEmpty();
        assertThat(steps.claim(COLLECTION, null, OUTPUTS)).as("a pass called directly").isEmpty();
        assertThatThrownBy(() -> steps.set(COLLECTION, stale, OUTPUTS, CollectionStep.FAILED, null, "reset"))
                .isInstanceOf(LeaseLostException.class);
        assertThat(steps.of(COLLECTION)).allSatisfy(step -> assertThat(step.state()).isEqualTo(CollectionStep.RUNNING));
    }

    @Test
    void stepsLeftRunningByAWorkerWhoseLeaseExpiredAreTakenOverByTheNextHolderAndTheFormerOneWritesNothingMore() {
        WorkItem gone = leases.claimNext(CollectionQueue.KIND, "replica-a#1", LEASE).orElseThrow();
        steps.claim(COLLECTION, gone, OUTPUTS);
        clock.set(START.plus(LEASE).plusSeconds(1));

        WorkItem next = leases.claimNext(CollectionQueue.KIND, "replica-b#1", LEASE).orElseThrow();

        assertThat(steps.claim(COLLECTION, next, OUTPUTS)).containsExactlyElementsOf(OUTPUTS);
        assertThatThrownBy(() -> steps.set(COLLECTION, gone, OUTPUTS, CollectionStep.DONE, null, null))
                .isInstanceOf(LeaseLostException.class);
        steps.set(COLLECTION, next, OUTPUTS, CollectionStep.DONE, null, null);
        assertThat(steps.of(COLLECTION)).allSatisfy(step -> assertThat(step.state()).isEqualTo(CollectionStep.DONE));
    }

    @Test
    void eachStepThatEndsIsTimedFromItsClaimByStepAndOutcome() {
        WorkItem holder = leases.claimNext(CollectionQueue.KIND, "replica-a#1", LEASE).orElseThrow();
        steps.claim(COLLECTION, holder, OUTPUTS);
        clock.set(START.plusSeconds(90));
        steps.set(COLLECTION, holder, List.of("count-hashtags.csv"), CollectionStep.RUNNING, "50 %", null);
        steps.set(COLLECTION, holder, List.of("count-hashtags.csv"), CollectionStep.DONE, null, null);
        clock.set(START.plusSeconds(120));
        steps.set(COLLECTION, holder, List.of("media.csv"), CollectionStep.FAILED, null, "no photos");

        var hashtags = registry.get("tweetflow.summary.steps").tag("step", "count-hashtags.csv").timer();
        assertThat(hashtags.count()).as("progress is not an end").isEqualTo(1);
        assertThat(hashtags.totalTime(TimeUnit.SECONDS)).isEqualTo(90);
        assertThat(hashtags.getId().getTag("outcome")).isEqualTo(CollectionStep.DONE);
        assertThat(registry.get("tweetflow.summary.steps").tag("step", "media.csv").tag("outcome", "failed").timer()
                .totalTime(TimeUnit.SECONDS)).isEqualTo(120);
        assertThat(registry.find("tweetflow.summary.steps").tag("step", "bundle.zip").timer()).as("still running")
                .isNull();
    }

    @Test
    void aStepRetriedWhileItsCollectionRunsIsRunAgainAfterThatRunInsteadOfLost() {
        WorkItem running = leases.claimNext(CollectionQueue.KIND, "replica-a#1", LEASE).orElseThrow();
        new CollectionQueue(jdbc, clock, leases).summarize(COLLECTION);

        leases.complete(running, running.leaseOwner());

        WorkItem again = leases.claimNext(CollectionQueue.KIND, "replica-a#2", LEASE).orElseThrow();
        assertThat(again.reason()).isEqualTo(CollectionQueue.SUMMARIZE);
        leases.complete(again, again.leaseOwner());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM work_item", Integer.class)).isZero();
    }
}
