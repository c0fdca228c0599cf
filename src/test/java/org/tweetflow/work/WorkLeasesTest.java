package org.tweetflow.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tweetflow.MutableClock;
import org.tweetflow.TestH2;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class WorkLeasesTest {

    static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    static final Duration LEASE = Duration.ofMinutes(2);

    final MutableClock clock = new MutableClock(START);
    JdbcTemplate jdbc;
    WorkLeases leases;

    @BeforeEach
    void database() {
        JdbcDataSource h2 = TestH2.migrated();
        jdbc = new JdbcTemplate(h2);
        leases = new WorkLeases(jdbc, new TransactionTemplate(new DataSourceTransactionManager(h2)), clock);
        queue(7L, START);
    }

    @Test
    void aClaimedItemGoesToNoOtherWorkerWhileItsLeaseHolds() {
        WorkItem mine = leases.claimNext("archive", "replica-a", LEASE).orElseThrow();

        assertThat(mine.subjectId()).isEqualTo(7L);
        assertThat(leases.claimNext("archive", "replica-b", LEASE)).isEmpty();
    }

    @Test
    void anExpiredLeaseIsTakenOverAndTheFormerOwnerCannotRenewOrCompleteIt() {
        WorkItem lost = leases.claimNext("archive", "replica-a", LEASE).orElseThrow();
        clock.set(START.plus(LEASE).plusSeconds(1));

        WorkItem taken = leases.claimNext("archive", "replica-b", LEASE).orElseThrow();
        leases.complete(lost, "replica-a");

        assertThat(taken.attempts()).isEqualTo(2);
        assertThat(leases.renew(lost, "replica-a", LEASE)).isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM work_item", Integer.class)).isEqualTo(1);
    }

    @Test
    void aRenewedLeaseOutlivesItsFirstTerm() {
        WorkItem mine = leases.claimNext("archive", "replica-a", LEASE).orElseThrow();
        clock.set(START.plusSeconds(100));
        assertThat(leases.renew(mine, "replica-a", LEASE)).isTrue();

        clock.set(START.plusSeconds(200));

        assertThat(leases.claimNext("archive", "replica-b", LEASE)).isEmpty();
    }

    @Test
    void aReleasedItemWaitsForItsCooldown() {
        WorkItem mine = leases.claimNext("archive", "replica-a", LEASE).orElseThrow();
        leases.release(mine, "replica-a", START.plusSeconds(900));

        assertThat(leases.claimNext("archive", "replica-b", LEASE)).isEmpty();
        clock.set(START.plusSeconds(900));
        assertThat(leases.claimNext("archive", "replica-b", LEASE)).isPresent();
    }

    @Test
    void completedWorkLeavesTheQueue() {
        WorkItem mine = leases.claimNext("archive", "replica-a", LEASE).orElseThrow();

        leases.complete(mine, "replica-a");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM work_item", Integer.class)).isZero();
    }

    private void queue(long subject, Instant notBefore) {
        jdbc.update("INSERT INTO work_item (kind, subject_id, reason, not_before, queued_at) VALUES (?, ?, ?, ?, ?)",
                "archive", subject, "connected", Timestamp.from(notBefore), Timestamp.from(notBefore));
    }
}
