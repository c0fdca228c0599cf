package org.tweetflow.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.imageio.ImageIO;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.tweetflow.LogLines;
import org.tweetflow.MutableClock;
import org.tweetflow.TestClock;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.TweetflowTest;
import org.tweetflow.archive.ConnectedMembers;
import org.tweetflow.member.Member;
import org.tweetflow.ratelimit.RateBudget;
import org.tweetflow.ratelimit.RatePauses;
import org.tweetflow.sandbox.SandboxFaults;
import org.tweetflow.sandbox.SandboxFaults.Fault;
import org.tweetflow.sandbox.x.XSimulator;
import org.tweetflow.tokens.Provider;
import org.tweetflow.work.LogContext;
import org.tweetflow.work.WorkItem;
import org.tweetflow.work.WorkLeases;

/**
 * A collection is collected from the sandbox's recent search page by page into JSON Lines, each post once, also
 * across a rate limit and a run that died between appending a page and recording it. The sandbox's search window
 * allows two calls, so the limit is met within a test.
 */
@TweetflowTest
@Import(TestClock.class)
@TestPropertySource(properties = "tweetflow.simulation.search-limit=2")
@ExtendWith(OutputCaptureExtension.class)
class CollectSearchRouteTest {

    static final String ADA = "10000001";
    static final String QUERY = "#climate";
    static final String INVALID_REQUEST = """
            {"errors":[{"parameters":{"query":["#climate"]},"message":"There were errors processing your request: \
            Reference to invalid operator 'climate'"}],"title":"Invalid Request","detail":"One or more parameters \
            to your request was invalid.","type":"https://api.twitter.com/2/problems/invalid-request"}""";

    @Autowired
    ProducerTemplate camel;
    @Autowired
    ConnectedMembers members;
    @Autowired
    NewCollections newCollections;
    @Autowired
    Collections collections;
    @Autowired
    CollectionFiles files;
    @Autowired
    RecurringCollections repeats;
    @Autowired
    CollectionSteps steps;
    @Autowired
    CollectionSummaries summaries;
    @Autowired
    Thumbnails thumbnails;
    @Autowired
    CollectionDeletions deletions;
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
    RateBudget budget;

    final ObjectMapper mapper = new ObjectMapper();

    /** The sandbox's search posts are of the 7 days before it started: every test starts from that time. */
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
    void collectsTheAskedCountPageByPageIntoJsonLinesEachPostOnce() throws Exception {
        Collection asked = newCollections.start(member().id(), QUERY, 150, null);

        CollectOutcome outcome = collect(asked);

        assertThat(outcome.kind()).isEqualTo(CollectOutcome.Kind.COLLECTED);
        List<JsonNode> pages = pages(asked);
        assertThat(pages).hasSize(2).allSatisfy(page -> assertThat(page.path("meta").path("result_count").asInt())
                .isEqualTo(page.path("data").size()));
        assertThat(ids(pages)).hasSize(150).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).isNotBlank());
        assertThat(pages).allSatisfy(page -> assertThat(page.path("data")).allSatisfy(tweet ->
                assertThat(tweet.path("entities").path("hashtags").toString().toLowerCase()).contains("climate")));
        assertThat(collections.find(asked.id()).orElseThrow().collected()).isEqualTo(150);
    }

    @Test
    void aRateLimitKeepsThePagesAndTheNextRunResumesAfterThemWithoutTwiceKeepingAPageNobodyRecorded()
            throws Exception {
        Collection asked = newCollections.start(member().id(), QUERY, 300, null);

        CollectOutcome limited = collect(asked);

        assertThat(limited.kind()).isEqualTo(CollectOutcome.Kind.RATE_LIMITED);
        Collection stopped = collections.find(asked.id()).orElseThrow();
        assertThat(stopped.state()).isEqualTo(Collection.RATE_LIMITED);
        assertThat(stopped.cooldownUntil()).isEqualTo(limited.notBefore());
        assertThat(stopped.collected()).isEqualTo(200);
        assertThat(x.callCount("search/recent")).as("the third page waits for the window, unasked: no 429").isEqualTo(2);
        // a run that died after appending a page but before recording it left this behind
        Files.writeString(files.tweets(asked.id()), "{\"data\":[{\"id\":\"1\"}],\"meta\":{\"result_count\":1}}\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        clock.set(limited.notBefore().plus(Duration.ofSeconds(1)));

        assertThat(collect(asked).kind()).isEqualTo(CollectOutcome.Kind.COLLECTED);

        List<String> ids = ids(pages(asked));
        assertThat(ids).hasSize(300).doesNotHaveDuplicates().doesNotContain("1");
        assertThat(x.callCount("search/recent")).isEqualTo(3);
        assertThat(collections.find(asked.id()).orElseThrow().collected()).isEqualTo(300);
    }

    @Test
    void anOutageOutlastingTheRedeliveriesIsTriedAgainLaterAndResumes() throws Exception {
        Collection asked = newCollections.start(member().id(), QUERY, 150, null);
        for (int i = 0; i < 6; i++) {
            faults.inject(Fault.status("GET", "/x/2/tweets/search/recent", 503,
                    "{\"title\":\"Service Unavailable\",\"status\":503}"));
        }

        CollectOutcome outage = collect(asked);

        assertThat(outage.kind()).isEqualTo(CollectOutcome.Kind.RETRY);
        assertThat(outage.notBefore()).isAfter(clock.instant());
        Collection waiting = collections.find(asked.id()).orElseThrow();
        assertThat(waiting.state()).isEqualTo(Collection.RETRYING);
        assertThat(waiting.detail()).contains("tried again from");
        faults.clear();

        assertThat(collect(asked).kind()).isEqualTo(CollectOutcome.Kind.COLLECTED);
        assertThat(ids(pages(asked))).hasSize(150).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "X''s token endpoint answering {0}")
    @ValueSource(ints = {429, 503})
    void xsTokenEndpointUnavailableIsAnOutageTheCollectionWaitsOutWithoutCountingAFailedRun(int status)
            throws Exception {
        Member ada = member();
        Collection asked = newCollections.start(ada.id(), QUERY, 150, "daily");
        xTokenExpired(ada);
        // more answers than the call's redeliveries: the outage outlasts them
        for (int i = 0; i <= 5; i++) {
            faults.inject(Fault.status("POST", "/x/2/oauth2/token", status, "{\"title\":\"Unavailable\"}"));
        }

        CollectOutcome outage = collect(asked);

        assertThat(outage.kind()).as("the same as for an archive sync: an outage").isEqualTo(CollectOutcome.Kind.RETRY);
        Collection waiting = collections.find(asked.id()).orElseThrow();
        assertThat(waiting.state()).isEqualTo(Collection.RETRYING);
        assertThat(waiting.detail()).contains("token refresh failed").contains(Integer.toString(status))
                .contains("tried again from");
        assertThat(waiting.failedRuns()).as("X's outage is no failed run of a recurring collection").isZero();
        faults.clear();

        assertThat(collect(asked).kind()).isEqualTo(CollectOutcome.Kind.COLLECTED);
        assertThat(ids(pages(asked))).hasSize(150).doesNotHaveDuplicates();
    }

    @Test
    void aQueryXRefusedIsLoggedOnOneLineWithXsReasonAndNoStackTrace(CapturedOutput output) throws Exception {
        Collection asked = newCollections.start(member().id(), QUERY, 10, null);
        faults.inject(Fault.status("GET", "/x/2/tweets/search/recent", 400, INVALID_REQUEST));

        assertThat(collect(asked).kind()).isEqualTo(CollectOutcome.Kind.FAILED);

        assertThat(output.getOut().lines().filter(line -> line.contains("Collection " + asked.id()
                + " step search ended failed")))
                .singleElement().asString().contains("Reference to invalid operator 'climate'");
        assertThat(output.getAll()).as("no stack trace").doesNotContain("\tat ");
    }

    @Test
    void anUnexpectedFailureIsLoggedWithItsStackTrace(CapturedOutput output) throws Exception {
        Collection asked = newCollections.start(member().id(), QUERY, 10, null);
        // pages recorded that this replica's disk does not have: a data dir not shared by the replicas
        jdbc.update("UPDATE collection SET data_length = 1000 WHERE id = ?", asked.id());

        assertThat(collect(asked).kind()).isEqualTo(CollectOutcome.Kind.FAILED);

        String logged = output.getOut().substring(output.getOut().indexOf("Collection " + asked.id()
                + " step search ended failed"));
        assertThat(logged).contains("IllegalStateException").contains("the data dir must be shared")
                .contains("\tat org.tweetflow.collect.CollectionFiles.resumeAt");
    }

    @Test
    void aRecurringCollectionsNextRunAsksOnlyForPostsNewerThanTheNewestCollected() throws Exception {
        Collection asked = newCollections.start(member().id(), QUERY, 5000, "daily");
        clock.set(clock.instant().plus(Duration.ofMinutes(2)));
        CollectOutcome first = collect(asked);
        while (first.kind() == CollectOutcome.Kind.RATE_LIMITED) {
            clock.set(first.notBefore().plus(Duration.ofSeconds(1)));
            first = collect(asked);
        }
        Collection afterFirst = collections.find(asked.id()).orElseThrow();
        jdbc.update("DELETE FROM work_item"); // the first run's item, settled as a worker would
        List<String> newPosts = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            newPosts.add(x.post(XSimulator.SAM, "Heat record " + i + " #climate", clock.instant()).idString());
        }
        clock.set(asked.nextRunAt().plus(Duration.ofSeconds(30)));

        assertThat(repeats.queueDue()).isEqualTo(1);
        assertThat(collect(asked).kind()).isEqualTo(CollectOutcome.Kind.COLLECTED);

        List<CollectionRun> runs = collections.runs(asked.id());
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).sinceId()).isEqualTo(afterFirst.newestId());
        assertThat(runs.get(0).collected()).isEqualTo(3);
        List<String> ids = ids(pages(asked));
        assertThat(ids).doesNotHaveDuplicates().hasSize(afterFirst.collected() + 3).containsAll(newPosts);
        assertThat(collections.find(asked.id()).orElseThrow().nextRunAt()).isAfter(clock.instant());
    }

    @Test
    void aLaterRunStopsAtTheCountOfEachRunAndSaysWhatItLeftOut() throws Exception {
        for (int i = 1; i <= 12; i++) {
            x.post(XSimulator.SAM, "Gauge " + i + " #gaugetest", clock.instant().minusSeconds(600 - i));
        }
        Collection asked = newCollections.start(member().id(), "#gaugetest", 10, "daily");
        clock.set(clock.instant().plusSeconds(60));
        collect(asked);
        assertThat(collections.find(asked.id()).orElseThrow().collected()).isEqualTo(10);
        jdbc.update("DELETE FROM work_item");
        List<String> newPosts = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            newPosts.add(x.post(XSimulator.SAM, "Gauge again " + i + " #gaugetest", clock.instant().plusSeconds(i))
                    .idString());
        }
        clock.set(asked.nextRunAt().plus(Duration.ofSeconds(30)));

        repeats.queueDue();
        assertThat(collect(asked).kind()).isEqualTo(CollectOutcome.Kind.COLLECTED);

        CollectionRun second = collections.runs(asked.id()).get(0);
        assertThat(second.collected()).isEqualTo(10);
        assertThat(second.note()).contains("stopped at 10 posts, the count of each run");
        assertThat(ids(pages(asked))).doesNotHaveDuplicates().hasSize(20)
                .containsAll(newPosts.subList(15, 25)).doesNotContainAnyElementsOf(newPosts.subList(0, 15));
    }

    @Test
    void aOneOffCollectionClaimedAgainAfterItsRunIsNotCollectedAgain() throws Exception {
        Collection asked = newCollections.start(member().id(), QUERY, 20, null);
        collect(asked);
        x.post(XSimulator.SAM, "Late #climate", clock.instant().plusSeconds(5));
        clock.set(clock.instant().plus(Duration.ofMinutes(2)));

        assertThat(collect(asked).kind()).isEqualTo(CollectOutcome.Kind.COLLECTED);

        assertThat(collections.runs(asked.id())).hasSize(1);
        assertThat(ids(pages(asked))).hasSize(20);
        assertThat(collections.find(asked.id()).orElseThrow().state()).isEqualTo(Collection.COLLECTED);
    }

    @Test
    void aRunMoreThanSevenDaysAfterTheLastAsksForAllXStillHasAndSaysSo() throws Exception {
        Collection asked = newCollections.start(member().id(), QUERY, 10, "daily");
        collect(asked);
        jdbc.update("DELETE FROM work_item");
        clock.set(clock.instant().plus(Duration.ofDays(8)));
        x.post(XSimulator.SAM, "Back #climate", clock.instant().minusSeconds(60));

        repeats.queueDue();
        collect(asked);

        CollectionRun second = collections.runs(asked.id()).get(0);
        assertThat(second.sinceId()).as("X refuses a since_id older than its 7 days").isNull();
        assertThat(second.collected()).isPositive();
        assertThat(second.note()).contains("more than 7 days");
    }

    @Test
    void aRecurringCollectionWhoseRunsKeepFailingStopsRepeatingUntilItsOwnerCollectsItAgain() throws Exception {
        Collection asked = newCollections.start(member().id(), QUERY, 10, "daily");
        Fault refused = Fault.status("GET", "/x/2/tweets/search/recent", 400, INVALID_REQUEST);

        for (int run = 1; run <= 3; run++) {
            faults.inject(refused);
            assertThat(collect(asked).kind()).isEqualTo(CollectOutcome.Kind.FAILED);
            jdbc.update("DELETE FROM work_item");
            clock.set(clock.instant().plus(Duration.ofDays(1)).plusSeconds(30));
            assertThat(repeats.queueDue()).as("queued after failed run %d", run).isEqualTo(run < 3 ? 1 : 0);
        }

        Collection stopped = collections.find(asked.id()).orElseThrow();
        assertThat(stopped.stoppedRepeating()).isTrue();
        assertThat(stopped.detail()).contains("stopped repeating after 3 failed runs in a row");
        newCollections.again(stopped);
        Collection again = collections.find(asked.id()).orElseThrow();
        assertThat(again.state()).isEqualTo(Collection.QUEUED);
        assertThat(again.nextRunAt()).isEqualTo(clock.instant().plus(Duration.ofDays(1)));
        assertThat(collect(asked).kind()).isEqualTo(CollectOutcome.Kind.COLLECTED);
        assertThat(collections.find(asked.id()).orElseThrow().failedRuns()).isZero();
    }

    @Test
    void failedRunsWithACollectedOneBetweenThemDoNotStopTheRepeats() throws Exception {
        Collection asked = newCollections.start(member().id(), QUERY, 10, "daily");
        Fault refused = Fault.status("GET", "/x/2/tweets/search/recent", 400, INVALID_REQUEST);
        for (boolean fails : new boolean[] {true, true, false, true, true}) {
            if (fails) {
                faults.inject(refused);
            }
            collect(asked);
            jdbc.update("DELETE FROM work_item");
            clock.set(clock.instant().plus(Duration.ofDays(1)).plusSeconds(30));
            repeats.queueDue();
        }

        Collection repeating = collections.find(asked.id()).orElseThrow();
        assertThat(repeating.failedRuns()).isEqualTo(2);
        assertThat(repeating.stoppedRepeating()).isFalse();
    }

    @Test
    void aRunMissedForDaysIsCaughtUpOnceNotOncePerMissedDay() {
        Collection asked = newCollections.start(member().id(), QUERY, 10, "daily");
        jdbc.update("DELETE FROM work_item");
        clock.set(asked.nextRunAt().plus(Duration.ofDays(3)).plus(Duration.ofHours(1)));

        assertThat(repeats.queueDue()).isEqualTo(1);
        assertThat(repeats.queueDue()).isZero();
        assertThat(collections.find(asked.id()).orElseThrow().nextRunAt())
                .isEqualTo(asked.nextRunAt().plus(Duration.ofDays(4)));
    }

    @Test
    void collectingAgainRightAfterAFailureKeepsTheItemThatTheFailedWorkerSettles() throws Exception {
        Collection asked = newCollections.start(member().id(), QUERY, 10, null);
        WorkItem item = leases.claimNext(CollectionQueue.KIND, "test-worker", Duration.ofMinutes(5)).orElseThrow();
        collections.failed(asked.id(), "X refused the token");

        newCollections.again(collections.find(asked.id()).orElseThrow());
        leases.complete(item, "test-worker");

        assertThat(collections.find(asked.id()).orElseThrow().state()).isEqualTo(Collection.QUEUED);
        assertThat(jdbc.queryForList("SELECT reason FROM work_item WHERE subject_id = ?", String.class, asked.id()))
                .as("the item the failed worker completed is the one queued again").containsExactly("again");
    }

    @Test
    void aRunWhoseLeaseAnotherWorkerTookOverStopsWithoutFailingTheCollection() throws Exception {
        Collection asked = newCollections.start(member().id(), QUERY, 150, "daily");
        WorkItem item = leases.claimNext(CollectionQueue.KIND, "stalled-worker", Duration.ofMinutes(5)).orElseThrow();
        jdbc.update("UPDATE work_item SET lease_owner = 'other-worker' WHERE id = ?", item.id());

        CollectOutcome outcome = camel.request("direct:collect-search", exchange -> {
            exchange.setProperty(TweetflowExchange.WORK_ITEM, item);
            exchange.getMessage().setBody(asked.id());
        }).getMessage().getBody(CollectOutcome.class);

        assertThat(outcome.kind()).isEqualTo(CollectOutcome.Kind.LEASE_LOST);
        Collection left = collections.find(asked.id()).orElseThrow();
        assertThat(left.state()).as("as the new holder will find it").isEqualTo(Collection.QUEUED);
        assertThat(left.failedRuns()).isZero();
        assertThat(left.collected()).as("nothing recorded by the stalled run").isZero();
        assertThat(jdbc.queryForObject("SELECT lease_owner FROM work_item WHERE id = ?", String.class, item.id()))
                .isEqualTo("other-worker");
    }

    @Test
    void aRunWhoseLeaseRanOutWhileXHeldItsCallUpRecordsNotTheRefusalThatEndedIt() throws Exception {
        Collection asked = newCollections.start(member().id(), QUERY, 150, "daily");
        WorkItem item = leases.claimNext(CollectionQueue.KIND, "stalled-worker", Duration.ofMinutes(5)).orElseThrow();
        Fault slowRefusal = new Fault("GET", "/x/2/tweets/search/recent", 400, Map.of(), INVALID_REQUEST,
                Duration.ofMillis(500), false);
        faults.inject(slowRefusal);
        Thread takeover = new Thread(() -> {
            await().atMost(Duration.ofSeconds(10)).until(() -> !faults.isPending(slowRefusal));
            jdbc.update("UPDATE work_item SET lease_owner = 'other-worker' WHERE id = ?", item.id());
        });
        takeover.start();

        CollectOutcome outcome = camel.request("direct:collect-search", exchange -> {
            exchange.setProperty(TweetflowExchange.WORK_ITEM, item);
            exchange.getMessage().setBody(asked.id());
        }).getMessage().getBody(CollectOutcome.class);
        takeover.join();

        assertThat(outcome.kind()).isEqualTo(CollectOutcome.Kind.LEASE_LOST);
        Collection left = collections.find(asked.id()).orElseThrow();
        assertThat(left.state()).isNotEqualTo(Collection.FAILED);
        assertThat(left.failedRuns()).isZero();
    }

    @Test
    void aLostLeaseFreesItsWorkerForTheNextClaim() {
        for (int i = 0; i < 3; i++) {
            newCollections.start(member().id(), QUERY + " " + i, 10, null);
        }
        List<WorkItem> claimed = workers.claim();
        assertThat(claimed).as("one per worker").hasSize(2);
        jdbc.update("UPDATE work_item SET lease_owner = 'other-worker' WHERE lease_owner IS NOT NULL");

        claimed.forEach(item -> workers.settle(new CollectOutcome(CollectOutcome.Kind.LEASE_LOST, null), item, null));

        List<WorkItem> next = workers.claim();
        assertThat(next).as("the third collection, by a worker freed").hasSize(1);
        next.forEach(item -> workers.settle(new CollectOutcome(CollectOutcome.Kind.COLLECTED, null), item, null));
    }

    @Test
    void aOneOffWhoseRunXRefusedKeepsItsPagesAndIsCollectedAgainAfterThem() throws Exception {
        Collection asked = newCollections.start(member().id(), QUERY, 300, null);
        CollectOutcome limited = collect(asked);
        clock.set(limited.notBefore().plus(Duration.ofSeconds(1)));
        faults.inject(Fault.status("GET", "/x/2/tweets/search/recent", 400, INVALID_REQUEST));

        assertThat(collect(asked).kind()).isEqualTo(CollectOutcome.Kind.FAILED);

        assertThat(collections.runs(asked.id())).singleElement()
                .satisfies(run -> assertThat(run.finishedAt()).as("kept open").isNull());
        newCollections.again(collections.find(asked.id()).orElseThrow());
        assertThat(collect(asked).kind()).isEqualTo(CollectOutcome.Kind.COLLECTED);
        assertThat(ids(pages(asked))).hasSize(300).doesNotHaveDuplicates();
    }

    @Test
    void aStoppedCollectionIsBackOnItsScheduleOnceARunCollectsAndARepeatReadBeforeTheStopDoesNotUndoIt()
            throws Exception {
        Collection asked = newCollections.start(member().id(), QUERY, 10, "daily");
        Instant readBeforeTheStop = asked.nextRunAt();
        for (int run = 0; run < 3; run++) {
            collections.failed(asked.id(), "X refused the query");
        }

        assertThat(collections.moveNextRun(asked.id(), readBeforeTheStop, readBeforeTheStop.plus(Duration.ofDays(1))))
                .isFalse();
        assertThat(collections.find(asked.id()).orElseThrow().stoppedRepeating()).isTrue();
        assertThat(collect(asked).kind()).isEqualTo(CollectOutcome.Kind.COLLECTED);
        assertThat(collections.find(asked.id()).orElseThrow().nextRunAt())
                .isEqualTo(clock.instant().plus(Duration.ofDays(1)));
    }

    @Test
    void aThumbnailOfACollectionDeletedMeanwhileDoesNotBringItsDirectoryBack() throws Exception {
        Collection asked = newCollections.start(member().id(), QUERY, 10, null);
        deletions.delete(asked.id());

        thumbnails.write(asked.id(), "3_1", new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB));

        assertThat(files.tweets(asked.id()).getParent()).doesNotExist();
    }

    @Test
    void aQueuedCollectionIsCollectedThenSummarisedEachOutputAStepOfItsOwnLoggedWithItsOutcome() throws Exception {
        Collection asked = newCollections.start(member().id(), QUERY, 120, null);
        WorkItem item = leases.claimNext(CollectionQueue.KIND, "test-worker", Duration.ofMinutes(5)).orElseThrow();
        String named = "Collection " + asked.id() + " step ";
        List<ILoggingEvent> lines;
        try (LogLines logged = LogLines.of(SearchCollector.class, CollectionSteps.class)) {
            camel.sendBody("seda:collections", item);

            await().atMost(Duration.ofSeconds(30)).until(() -> "summarised".equals(steps.overall(asked.id()))
                    && jdbc.queryForList("SELECT id FROM work_item WHERE subject_id = ?", Long.class, asked.id())
                    .isEmpty());
            lines = logged.startingWith(named);
        }
        long collected = collections.find(asked.id()).orElseThrow().collected();
        List<String> expected = new ArrayList<>(List.of(named + "search started: 0 posts collected before",
                named + "search ended collected: " + collected + " posts"));
        CollectionSummaries.STEPS.forEach(step -> expected.add(named + step + " ended done"));
        assertThat(lines).extracting(ILoggingEvent::getFormattedMessage).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(lines).allSatisfy(line -> assertThat(line.getMDCPropertyMap())
                .containsEntry(LogContext.COLLECTION_ID, Long.toString(asked.id())));
        assertThat(steps.of(asked.id())).extracting(CollectionStep::name)
                .containsExactlyInAnyOrderElementsOf(CollectionSummaries.STEPS);
        assertThat(steps.of(asked.id())).as("each step says when it started and finished").allSatisfy(step -> {
            assertThat(step.startedAt()).isNotNull();
            assertThat(step.finishedAt()).isNotNull().isAfterOrEqualTo(step.startedAt());
        });
        long climate = ids(pages(asked)).size();
        List<String> hashtags = Files.readAllLines(summaries.file(asked.id(), "count-hashtags.csv"));
        assertThat(hashtags.get(0)).isEqualTo("hashtag,count");
        assertThat(hashtags).contains("climate," + climate);
        assertThat(jdbc.queryForList("SELECT id FROM work_item WHERE subject_id = ?", Long.class, asked.id()))
                .as("the work item left the queue").isEmpty();
    }

    @Test
    void aFailedSummaryStepIsRetriedAloneAndTheOverallStateFollowsTheSteps() throws Exception {
        Collection asked = newCollections.start(member().id(), QUERY, 30, null);
        collect(asked);
        String good = Files.readString(files.tweets(asked.id()));
        // a recorded page that reads as no JSON: the disk's fault, say
        Files.writeString(files.tweets(asked.id()), good + "{not json\n");
        jdbc.update("UPDATE collection SET data_length = ? WHERE id = ?", Files.size(files.tweets(asked.id())),
                asked.id());

        summarize(asked);

        assertThat(steps.overall(asked.id())).isEqualTo("summaries failed");
        assertThat(steps.of(asked.id())).allSatisfy(step -> assertThat(step.state()).isEqualTo(CollectionStep.FAILED));
        Files.writeString(files.tweets(asked.id()), good);
        jdbc.update("UPDATE collection SET data_length = ? WHERE id = ?", Files.size(files.tweets(asked.id())),
                asked.id());
        assertThat(stepsRetry(asked, "count-hashtags.csv")).isTrue();
        assertThat(steps.of(asked.id())).filteredOn(step -> step.name().equals("count-hashtags.csv"))
                .singleElement().satisfies(step -> assertThat(step.finishedAt()).as("pending again").isNull());

        summarize(asked);

        assertThat(steps.of(asked.id())).filteredOn(step -> step.state().equals(CollectionStep.DONE))
                .extracting(CollectionStep::name).containsExactly("count-hashtags.csv");
        assertThat(steps.overall(asked.id())).isEqualTo("summaries failed");
        assertThat(summaries.file(asked.id(), "count-mentions.csv")).isNull();
    }

    @Test
    void everyPhotoIsFetchedOnceAndNearDuplicatesAreLinkedInTheMediaGraph() throws Exception {
        Collection asked = newCollections.start(member().id(), "#climate has:images -is:retweet", 100, null);
        collect(asked);

        summarize(asked);

        List<String> media = Files.readAllLines(summaries.file(asked.id(), MediaFingerprints.CSV));
        List<String> photos = Files.readAllLines(summaries.file(asked.id(), "count-media.csv"));
        assertThat(media.get(0)).isEqualTo("media_key,url,count,md5,phash,failure");
        assertThat(media).hasSize(photos.size()).hasSizeGreaterThan(2);
        JsonNode graph = mapper.readTree(summaries.file(asked.id(), MediaFingerprints.GRAPH).toFile());
        Map<String, String> md5s = new java.util.HashMap<>();
        media.stream().skip(1).map(line -> line.split(",")).filter(cells -> !cells[3].isEmpty())
                .forEach(cells -> md5s.put(cells[0], cells[3]));
        assertThat(graph.path("nodes")).hasSize(md5s.size());
        assertThat(graph.path("links")).isNotEmpty().allSatisfy(link -> {
            assertThat(link.path("distance").asInt()).isBetween(0, MediaFingerprints.NEAR);
            if (md5s.get(link.path("source").asText()).equals(md5s.get(link.path("target").asText()))) {
                assertThat(link.path("distance").asInt()).as("the same bytes, the same hash").isZero();
            }
        });
        assertThat(steps.of(asked.id())).filteredOn(step -> MediaFingerprints.STEPS.contains(step.name()))
                .allSatisfy(step -> assertThat(step.state()).isEqualTo(CollectionStep.DONE));
    }

    @Test
    void eachFetchedPhotoIsKeptAsAThumbnailThatTheBundleLeavesOutAndADeletedCollectionTakesAlong() throws Exception {
        Collection asked = newCollections.start(member().id(), "#climate has:images -is:retweet", 100, null);
        collect(asked);

        summarize(asked);

        List<String> fetched = Files.readAllLines(summaries.file(asked.id(), MediaFingerprints.CSV)).stream().skip(1)
                .map(line -> line.split(",", -1)).filter(cells -> cells[5].isEmpty()).map(cells -> cells[0]).toList();
        assertThat(fetched).hasSizeGreaterThan(2);
        assertThat(fetched).allSatisfy(mediaKey -> {
            BufferedImage thumbnail = ImageIO.read(thumbnails.find(asked.id(), mediaKey).orElseThrow().toFile());
            assertThat(thumbnail.getWidth()).as("the sandbox's 480×320 pictures, longest side 320").isEqualTo(320);
            assertThat(thumbnail.getHeight()).isEqualTo(213);
        });
        try (ZipFile bundle = new ZipFile(summaries.file(asked.id(), "bundle.zip").toFile())) {
            assertThat(bundle.stream().map(ZipEntry::getName).toList())
                    .contains(MediaFingerprints.CSV, MediaFingerprints.GRAPH)
                    .noneMatch(name -> name.contains("/") || name.endsWith(".jpg"));
        }

        deletions.delete(asked.id());

        assertThat(thumbnails.find(asked.id(), fetched.get(0))).isEmpty();
        assertThat(files.summaries(asked.id()).resolve("media")).doesNotExist();
    }

    private boolean stepsRetry(Collection collection, String name) {
        return steps.retry(collection.id(), name);
    }

    private void summarize(Collection collection) {
        camel.send("direct:summarize-collection",
                exchange -> exchange.setProperty(TweetflowExchange.COLLECTION_ID, collection.id()));
    }

    /** The member's X access token expired hours ago: the next call refreshes it at X's token endpoint first. */
    private void xTokenExpired(Member member) {
        XSimulator.Tokens expired = x.issueTokens(XSimulator.SAM, XSimulator.DEFAULT_SCOPE);
        members.store(Provider.X, member.projectMemberId(), expired.accessToken(), expired.refreshToken(),
                clock.instant().minus(Duration.ofHours(3)));
    }

    private Member member() {
        return members.connect(ADA, XSimulator.SAM, clock.instant());
    }

    @Test
    void aCollectionHeldByTheOperatorsPauseSaysSoWithoutATimeAndMakesNoCall() {
        Collection asked = newCollections.start(member().id(), QUERY, 300, null);

        budget.pauseAll();
        CollectOutcome held;
        try {
            held = collect(asked);
        } finally {
            budget.resumeAll();
        }

        assertThat(held.kind()).isEqualTo(CollectOutcome.Kind.RATE_LIMITED);
        Collection paused = collections.find(asked.id()).orElseThrow();
        assertThat(paused.state()).isEqualTo(Collection.RATE_LIMITED);
        assertThat(paused.cooldownUntil()).as("no end is known").isNull();
        assertThat(paused.detail()).startsWith(RatePauses.BY_THE_OPERATORS);
        assertThat(x.callCount("search/recent")).isZero();
    }

    private CollectOutcome collect(Collection collection) {
        return camel.requestBody("direct:collect-search", collection.id(), CollectOutcome.class);
    }

    private List<JsonNode> pages(Collection collection) throws Exception {
        List<JsonNode> pages = new ArrayList<>();
        for (String line : Files.readAllLines(files.tweets(collection.id()), StandardCharsets.UTF_8)) {
            pages.add(mapper.readTree(line));
        }
        return pages;
    }

    private static List<String> ids(List<JsonNode> pages) {
        List<String> ids = new ArrayList<>();
        pages.forEach(page -> page.path("data").forEach(tweet -> ids.add(tweet.path("id").asText())));
        return ids;
    }
}
