package org.tweetflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tweetflow.archive.ArchiveStates;
import org.tweetflow.collect.CollectionQueue;
import org.tweetflow.member.Members;
import org.tweetflow.ratelimit.RatePauses;
import org.tweetflow.work.WorkItem;
import org.tweetflow.work.WorkLeases;

/**
 * What replicas do at once on one real PostgreSQL (14, started by the test), as threads each in a transaction of
 * its own: claims never take one item twice nor leave one behind, and an insert of a row another replica inserts at
 * the same moment is a no-op, never a duplicate-key error (which would abort the caller's transaction).
 */
class PostgresRacesTest {

    static final int REPLICAS = 16;
    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final Duration LEASE = Duration.ofMinutes(2);

    static ExecutorService pool;
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    DataSource postgres;
    JdbcTemplate jdbc;
    TransactionTemplate transaction;
    WorkLeases leases;

    @BeforeAll
    static void threads() {
        pool = Executors.newFixedThreadPool(REPLICAS);
    }

    @AfterAll
    static void stopThreads() {
        pool.shutdownNow();
    }

    @BeforeEach
    void database() {
        postgres = TestPostgres.dataSource("races");
        Flyway.configure().dataSource(postgres).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(postgres);
        jdbc.update("DELETE FROM work_item");
        jdbc.update("DELETE FROM fetch_pause");
        jdbc.update("DELETE FROM member");
        transaction = new TransactionTemplate(new DataSourceTransactionManager(postgres));
        leases = new WorkLeases(jdbc, transaction, clock);
    }

    @Test
    void claimersAtOnceEachTakeOtherItemsAndLeaveNoneBehind() throws Exception {
        int perClaimer = 4;
        for (long subject = 1; subject <= REPLICAS * perClaimer; subject++) {
            jdbc.update("""
                    INSERT INTO work_item (kind, subject_id, reason, not_before, queued_at) VALUES (?, ?, ?, ?, ?)""",
                    "archive", subject, "stale", Timestamp.from(NOW), Timestamp.from(NOW));
        }

        List<List<WorkItem>> claims = atOnce(replica -> () -> leases.claimUpTo("archive", perClaimer,
                () -> "replica-" + replica, LEASE));

        List<Long> claimed = claims.stream().flatMap(List::stream).map(WorkItem::subjectId).toList();
        assertThat(claimed).doesNotHaveDuplicates().hasSize(REPLICAS * perClaimer);
        assertThat(claims).allSatisfy(mine -> assertThat(mine).hasSize(perClaimer));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM work_item WHERE lease_owner IS NULL", Integer.class))
                .isZero();
    }

    @Test
    void workAskedForAtOnceIsQueuedOnce() throws Exception {
        atOnce(replica -> () -> {
            leases.request("archive", 7, "connected");
            return null;
        });

        assertThat(jdbc.queryForList("SELECT reason FROM work_item WHERE subject_id = 7", String.class))
                .containsExactly("connected");
    }

    @Test
    void aCollectionQueuedAtOnceIsQueuedOnceAndTheTransactionsGoOn() throws Exception {
        CollectionQueue queue = new CollectionQueue(jdbc, clock, leases);
        String count = "SELECT count(*) FROM work_item WHERE subject_id = 9";

        // the statement after the queuing runs only in a transaction the queuing did not abort
        List<Integer> seen = atOnce(replica -> () -> queue.queue(9, "new") ? 1
                : jdbc.queryForObject(count, Integer.class));

        assertThat(seen).containsOnly(1);
        assertThat(jdbc.queryForObject(count, Integer.class)).isEqualTo(1);
    }

    @Test
    void aMemberSignedInAtOnceAndTheirStateAreStoredOnce() throws Exception {
        Members members = new Members(jdbc, clock);
        ArchiveStates states = new ArchiveStates(jdbc, clock);

        List<Long> ids = atOnce(replica -> () -> members.ensure("10000001").id());
        atOnce(replica -> () -> {
            states.needsReconnect(ids.get(0), "refused");
            return null;
        });

        assertThat(ids).containsOnly(ids.get(0));
        assertThat(jdbc.queryForList("SELECT state FROM archive_state", String.class))
                .containsExactly("needs_reconnect");
    }

    @Test
    void aUsageCapMetAtOnceIsOnePause() throws Exception {
        RatePauses pauses = new RatePauses(jdbc);
        Instant monthEnd = Instant.parse("2027-01-01T00:00:00Z");

        atOnce(replica -> () -> {
            pauses.pause("users/tweets", monthEnd, "monthly usage cap");
            return null;
        });

        assertThat(pauses.inForce(NOW))
                .containsExactly(Map.entry("users/tweets", new RatePauses.Pause(monthEnd, "monthly usage cap")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM fetch_pause", Integer.class)).isEqualTo(1);
    }

    /**
     * Runs one task per replica, each in a transaction of its own whose connection is open before all are released
     * together (so that they meet in the database); their results, or the first failure.
     */
    private <T> List<T> atOnce(IntFunction<Supplier<T>> task) throws Exception {
        CyclicBarrier start = new CyclicBarrier(REPLICAS);
        List<Future<T>> running = new ArrayList<>();
        for (int replica = 0; replica < REPLICAS; replica++) {
            Supplier<T> work = task.apply(replica);
            running.add(pool.submit(() -> transaction.execute(status -> {
                jdbc.queryForObject("SELECT 1", Integer.class);
                try {
                    start.await();
                } catch (InterruptedException | BrokenBarrierException e) {
                    throw new IllegalStateException(e);
                }
                return work.get();
            })));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> result : running) {
            results.add(result.get());
        }
        return results;
    }
}
