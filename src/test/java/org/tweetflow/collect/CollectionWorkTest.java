package org.tweetflow.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.tweetflow.MutableClock;
import org.tweetflow.TestClock;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.TweetflowTest;
import org.tweetflow.archive.ConnectedMembers;
import org.tweetflow.config.TweetflowProperties;
import org.tweetflow.member.Member;
import org.tweetflow.sandbox.SandboxFaults;
import org.tweetflow.sandbox.x.XSimulator;
import org.tweetflow.work.ShutdownSignal;
import org.tweetflow.work.WorkItem;
import org.tweetflow.work.WorkLeases;

/**
 * A collection's work under its lease, through the workers and the durable queue: a run longer than the lease keeps
 * it while its replica lives, a retried step is work a worker runs, and a worker that is gone has its steps taken
 * over. Time is the test clock's; a step is held open by holding a photo's request, not by waiting.
 */
@TweetflowTest
@Import(TestClock.class)
@TestPropertySource(properties = "tweetflow.simulation.search-limit=2")
class CollectionWorkTest {

    static final String PHOTOS = "#climate has:images -is:retweet";

    @Autowired
    ProducerTemplate camel;
    @Autowired
    ConnectedMembers members;
    @Autowired
    NewCollections newCollections;
    @Autowired
    Collections collections;
    @Autowired
    CollectionSteps steps;
    @Autowired
    SummaryRetries retries;
    @Autowired
    CollectWorkers workers;
    @Autowired
    WorkLeases leases;
    @Autowired
    SandboxFaults faults;
    @Autowired
    XSimulator x;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TweetflowProperties properties;
    @Autowired
    ShutdownSignal shutdown;

    Instant started;

    @BeforeEach
    void rememberTheTime() {
        started = clock.instant();
    }

    @AfterEach
    void forget() {
        faults.clear();
        clock.set(started);
        jdbc.update("DELETE FROM collection");
        jdbc.update("DELETE FROM work_item");
        jdbc.update("DELETE FROM member");
        x.resetCounts();
    }

    @Test
    void aCollectionWhosePhotosOutlastItsLeaseKeepsItWhileItsReplicaRenewsItAndFinishesUndisturbed()
            throws Exception {
        Collection asked = newCollections.start(member().id(), PHOTOS, 100, "daily");
        SandboxFaults.Hold photo = faults.hold("GET", "/x/media/*");
        camel.sendBody("seda:collections", claimedAlone());
        assertThat(photo.awaitTaken()).as("the worker fetches the photos").isTrue();

        // eight minutes on one photo, past the five-minute lease, with this replica's heartbeat every minute
        for (int minute = 1; minute <= 8; minute++) {
            clock.set(clock.instant().plus(Duration.ofMinutes(1)));
            workers.renewLeases();
        }
        List<WorkItem> secondWorker = workers.claim();
        boolean otherReplica = leases.claimNext(CollectionQueue.KIND, "other-replica#1", lease()).isPresent();
        CollectionStep fetching = step(asked, MediaFingerprints.CSV);
        photo.release();

        assertThat(secondWorker).as("this replica's second worker").isEmpty();
        assertThat(otherReplica).as("another replica's worker").isFalse();
        assertThat(fetching.state()).isEqualTo(CollectionStep.RUNNING);
        assertThat(fetching.progress()).as("the media step's progress").matches("fetching photos \\d+ of [1-9]\\d*");
        awaitSettled(asked);
        assertThat(steps.of(asked.id())).extracting(CollectionStep::name)
                .containsExactlyInAnyOrderElementsOf(CollectionSummaries.STEPS);
        assertThat(steps.of(asked.id())).as("none reset, the bundle not failed").allSatisfy(step ->
                assertThat(step.state()).as(step.name()).isEqualTo(CollectionStep.DONE));
        assertThat(collections.runs(asked.id())).as("no run nobody scheduled").hasSize(1);
    }

    @Test
    void aRetriedStepIsQueuedAsWorkAndAWorkerRunsIt() {
        Collection asked = newCollections.start(member().id(), "#climate", 30, null);
        camel.sendBody("seda:collections", claimedAlone());
        awaitSettled(asked);
        jdbc.update("UPDATE collection_step SET state = ?, detail = 'the disk was full' WHERE collection_id = ? "
                + "AND name IN ('count-hashtags.csv', 'bundle.zip')", CollectionStep.FAILED, asked.id());

        assertThat(retries.retry(asked.id(), "count-hashtags.csv")).isTrue();

        assertThat(jdbc.queryForList("SELECT reason FROM work_item WHERE subject_id = ?", String.class, asked.id()))
                .containsExactly(CollectionQueue.SUMMARIZE);
        assertThat(step(asked, "count-hashtags.csv").state()).as("until a worker takes it")
                .isEqualTo(CollectionStep.PENDING);
        camel.sendBody("seda:collections", claimedAlone());
        awaitSettled(asked);
        assertThat(steps.of(asked.id())).allSatisfy(step ->
                assertThat(step.state()).as(step.name()).isEqualTo(CollectionStep.DONE));
        assertThat(collections.runs(asked.id())).hasSize(1);
    }

    @Test
    void stepsLeftRunningByAWorkerThatIsGoneAreTakenOverByTheNextAndComplete() {
        Collection asked = newCollections.start(member().id(), "#climate", 30, "daily");
        WorkItem gone = leases.claimNext(CollectionQueue.KIND, "crashed-replica#1", lease()).orElseThrow();
        CollectOutcome searched = camel.request("direct:collect-search", exchange -> {
            exchange.setProperty(TweetflowExchange.WORK_ITEM, gone);
            exchange.getMessage().setBody(asked.id());
        }).getMessage().getBody(CollectOutcome.class);
        assertThat(searched.kind()).isEqualTo(CollectOutcome.Kind.COLLECTED);
        // as its route does once the search is over; then it began the summaries and its replica died
        leases.advance(gone, gone.leaseOwner(), CollectionQueue.SUMMARIZE);
        steps.claim(asked.id(), gone, CollectionSummaries.STEPS);
        clock.set(clock.instant().plus(lease()).plusSeconds(1));

        WorkItem next = claimedAlone();
        camel.sendBody("seda:collections", next);

        awaitSettled(asked);
        assertThat(next.attempts()).as("the same item, claimed again").isEqualTo(2);
        assertThat(steps.of(asked.id())).allSatisfy(step ->
                assertThat(step.state()).as(step.name()).isEqualTo(CollectionStep.DONE));
        assertThat(collections.runs(asked.id())).as("summarised, not searched again").hasSize(1);
    }

    @Test
    void aRunTakenFromTheQueueAfterTheReplicaBeganToStopStartsNothingAndItsItemGoesBackWithTheAttemptsItHadBefore() {
        Collection asked = newCollections.start(member().id(), "#climate", 30, null);
        WorkItem taken = claimedAlone();

        shutdown.stop();
        try {
            camel.requestBody("seda:collections", taken);
        } finally {
            shutdown.start();
        }

        assertThat(x.callCount("search/recent")).as("calls to X").isZero();
        assertThat(collections.runs(asked.id())).as("no run begun").isEmpty();
        assertThat(jdbc.queryForMap("SELECT lease_owner, attempts FROM work_item WHERE subject_id = ?", asked.id()))
                .as("free for the next claim").containsEntry("LEASE_OWNER", null).containsEntry("ATTEMPTS", 0);
    }

    private WorkItem claimedAlone() {
        List<WorkItem> claimed = workers.claim();
        assertThat(claimed).hasSize(1);
        return claimed.get(0);
    }

    private void awaitSettled(Collection collection) {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForList(
                "SELECT id FROM work_item WHERE subject_id = ?", Long.class, collection.id()).isEmpty());
    }

    private CollectionStep step(Collection collection, String name) {
        return steps.of(collection.id()).stream().filter(step -> step.name().equals(name)).findFirst().orElseThrow();
    }

    private Duration lease() {
        return properties.collect().lease();
    }

    private Member member() {
        return members.connect(CollectSearchRouteTest.ADA, XSimulator.SAM, clock.instant());
    }
}
