package org.tweetflow.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tweetflow.MutableClock;
import org.tweetflow.TestClock;
import org.tweetflow.TestPostgres;
import org.tweetflow.TweetflowTest;
import org.tweetflow.archive.ConnectedMembers;
import org.tweetflow.sandbox.x.XSimulator;
import org.tweetflow.work.WorkItem;
import org.tweetflow.work.WorkLeases;

/**
 * The collections' SQL on a real PostgreSQL (14, started by the test): a collection taken off the queue by a worker,
 * collected, its steps claimed and summarised; the compare-and-set moves of a repeat and of collecting again; steps
 * taken over under the lease, and a retry asked for during a run.
 */
@TweetflowTest
@Import(TestClock.class)
@DirtiesContext
class PostgresCollectionsTest {

    @Autowired
    ConnectedMembers members;
    @Autowired
    NewCollections newCollections;
    @Autowired
    Collections collections;
    @Autowired
    CollectionSteps steps;
    @Autowired
    RecurringCollections repeats;
    @Autowired
    WorkLeases leases;
    @Autowired
    CollectionQueue queue;
    @Autowired
    ProducerTemplate camel;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "collections");
    }

    @Test
    void aQueuedCollectionIsCollectedAndSummarisedOnPostgres() {
        long member = members.connect("10000001", XSimulator.SAM, clock.instant()).id();
        Collection asked = newCollections.start(member, "#climate", 120, null);
        WorkItem item = leases.claimNext(CollectionQueue.KIND, "pg-worker", Duration.ofMinutes(5)).orElseThrow();

        camel.sendBody("seda:collections", item);

        await().atMost(Duration.ofSeconds(60)).until(() -> "summarised".equals(steps.overall(asked.id())));
        Collection collected = collections.find(asked.id()).orElseThrow();
        assertThat(collected.state()).isEqualTo(Collection.COLLECTED);
        assertThat(collected.collected()).isEqualTo(120);
        assertThat(steps.of(asked.id())).allSatisfy(step -> assertThat(step.finishedAt()).isNotNull());
    }

    @Test
    void aRepeatAndCollectingAgainMoveOnlyFromWhatTheyReadOnPostgres() {
        // a time with microseconds, as PostgreSQL keeps them: the compare-and-set compares what it read back
        clock.set(clock.instant().plusNanos(123_457_000));
        long member = members.connect("10000002", XSimulator.SAM, clock.instant()).id();
        Collection daily = newCollections.start(member, "#opendata", 10, "daily");
        jdbc.update("DELETE FROM work_item WHERE subject_id = ?", daily.id());
        clock.set(daily.nextRunAt().plusSeconds(30).plusNanos(777_000));

        assertThat(repeats.queueDue()).isEqualTo(1);
        assertThat(repeats.queueDue()).isZero();

        WorkItem held = leases.claimNext(CollectionQueue.KIND, "pg-worker", Duration.ofMinutes(5)).orElseThrow();
        collections.failed(daily.id(), "X refused the query");
        newCollections.again(collections.find(daily.id()).orElseThrow());
        leases.complete(held, "pg-worker");
        assertThat(jdbc.queryForList("SELECT reason FROM work_item WHERE subject_id = ?", String.class, daily.id()))
                .containsExactly("again");

        jdbc.update("DELETE FROM work_item WHERE subject_id = ?", daily.id());
        collections.failed(daily.id(), "X refused the query");
        newCollections.again(collections.find(daily.id()).orElseThrow());
        assertThat(jdbc.queryForList("SELECT reason FROM work_item WHERE subject_id = ?", String.class, daily.id()))
                .as("queued anew when no item was left").containsExactly("again");
    }

    @Test
    void stepsOfAWorkerThatIsGoneAreTakenOverAndARetryDuringTheRunIsQueuedAgainOnPostgres() {
        long member = members.connect("10000003", XSimulator.SAM, clock.instant()).id();
        Collection asked = collections.create(member, "#climate", 10, null);
        List<String> hashtags = List.of("count-hashtags.csv");
        queue.summarize(asked.id());
        WorkItem gone = leases.claimNext(CollectionQueue.KIND, "pg-gone", Duration.ofMinutes(5)).orElseThrow();
        assertThat(steps.claim(asked.id(), gone, hashtags)).isEqualTo(hashtags);
        queue.summarize(asked.id());
        clock.set(clock.instant().plus(Duration.ofMinutes(5)).plusSeconds(1));

        WorkItem next = leases.claimNext(CollectionQueue.KIND, "pg-next", Duration.ofMinutes(5)).orElseThrow();
        assertThat(steps.claim(asked.id(), gone, hashtags)).as("no longer the holder").isEmpty();
        assertThat(steps.claim(asked.id(), next, hashtags)).isEqualTo(hashtags);
        steps.set(asked.id(), next, hashtags, CollectionStep.DONE, null, null);
        leases.complete(next, "pg-next");

        assertThat(jdbc.queryForList("SELECT reason FROM work_item WHERE subject_id = ? AND lease_owner IS NULL",
                String.class, asked.id())).as("the retry asked for during the run").containsExactly("summarize");
        collections.delete(asked.id()); // its item too: no other test claims it
    }
}
