package org.tweetflow.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tweetflow.MutableClock;
import org.tweetflow.TestH2;

/** One replica's workers when the replica stops: nothing more claimed or called, the work handed back at once. */
class WorkerPoolTest {

    static final Instant START = Instant.parse("2026-12-07T10:00:00Z");
    static final Duration LEASE = Duration.ofMinutes(5);

    final MutableClock clock = new MutableClock(START);
    final ShutdownSignal stopping = new ShutdownSignal();
    JdbcTemplate jdbc;
    WorkerPool pool;
    WorkerPool otherReplica;

    @BeforeEach
    void database() {
        JdbcDataSource h2 = TestH2.migrated();
        jdbc = new JdbcTemplate(h2);
        WorkLeases leases = new WorkLeases(jdbc, new TransactionTemplate(new DataSourceTransactionManager(h2)), clock);
        stopping.start();
        ShutdownSignal running = new ShutdownSignal();
        running.start();
        pool = new WorkerPool(leases, clock, stopping, "archive", 2, LEASE);
        otherReplica = new WorkerPool(leases, clock, running, "archive", 2, LEASE);
    }

    @Test
    void aStoppingReplicaClaimsNothingAndItsRunsMakeNoFurtherCall() {
        WorkItem running = queueAndClaim(7L);
        queue(8L);

        stopping.stop();

        assertThat(pool.claim()).isEmpty();
        assertThatThrownBy(() -> pool.keepWorking(running)).isInstanceOf(ReplicaStoppingException.class);
        assertThat(otherReplica.claim()).extracting(WorkItem::subjectId).containsExactly(8L);
    }

    @Test
    void workHandedBackAtTheStopIsFreeAtOnceWithoutWaitingForItsLease() {
        WorkItem running = queueAndClaim(7L);
        stopping.stop();

        pool.settledAlike(running, Ended.STOPPED, Ended.STOPPED, null);

        Map<String, Object> row = jdbc.queryForMap("SELECT lease_owner, lease_until, not_before FROM work_item");
        assertThat(row.get("lease_owner")).isNull();
        assertThat(row.get("lease_until")).isNull();
        assertThat(otherReplica.claim()).as("claimed at the same instant").extracting(WorkItem::subjectId)
                .containsExactly(7L);
    }

    @Test
    void workHandedBackAtTheStopKeepsTheAttemptsItHadBeforeItsClaimSoADeployNeitherRestartsNorLengthensTheBackoff() {
        queue(7L);
        jdbc.update("UPDATE work_item SET attempts = 2");
        WorkItem third = pool.claim().get(0);
        stopping.stop();

        pool.settledAlike(third, Ended.STOPPED, Ended.STOPPED, null);

        assertThat(otherReplica.claim()).extracting(WorkItem::attempts).as("the third attempt again")
                .containsExactly(3);
    }

    @Test
    void runsStillGoingWhenTheReplicasBeansCloseAreReleasedAtOnceWithTheAttemptsTheyHadBefore() {
        queue(7L);
        jdbc.update("UPDATE work_item SET attempts = 2");
        pool.claim();

        pool.releaseRunning();

        assertThat(otherReplica.claim()).extracting(WorkItem::attempts).containsExactly(3);
    }

    private WorkItem queueAndClaim(long subject) {
        queue(subject);
        return pool.claim().get(0);
    }

    /** A job's kinds of outcome, as far as the pool knows them. */
    enum Ended {
        DONE, STOPPED
    }

    private void queue(long subject) {
        jdbc.update("INSERT INTO work_item (kind, subject_id, reason, not_before, queued_at) VALUES (?, ?, ?, ?, ?)",
                "archive", subject, "connected", Timestamp.from(START), Timestamp.from(START));
    }
}
