package org.tweetflow.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.tweetflow.LogLines;
import org.tweetflow.MutableClock;
import org.tweetflow.StructuredLogs;
import org.tweetflow.TestClock;
import org.tweetflow.TweetflowTest;
import org.tweetflow.member.Member;
import org.tweetflow.member.MemberAccount;
import org.tweetflow.ratelimit.RateLimitHeaders;
import org.tweetflow.sandbox.SandboxFaults;
import org.tweetflow.sandbox.SandboxFaults.Fault;
import org.tweetflow.sandbox.openhumans.OpenHumansSimulator;
import org.tweetflow.sandbox.x.XSimulator;
import org.tweetflow.security.EncryptedAuthorizedClientService;
import org.tweetflow.tokens.Provider;
import org.tweetflow.work.LogContext;
import org.tweetflow.work.ShutdownSignal;

/** A member's whole sync through the archive-member route, against the sandbox's X and Open Humans. */
@TweetflowTest
@Import(TestClock.class)
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"tweetflow.http.read-timeout=PT1S", "tweetflow.simulation.timeline-limit=100000",
        "tweetflow.simulation.window=PT15M"})
class ArchiveMemberRouteTest {

    static final Logger LOG = LoggerFactory.getLogger(ArchiveMemberRouteTest.class);
    static final String TIMELINE = "/x/2/users/*/tweets";
    static final String ADA = "10000001";
    static final String BEN = "10000002";

    @Autowired
    ProducerTemplate camel;
    @Autowired
    XSimulator x;
    @Autowired
    OpenHumansSimulator openHumans;
    @Autowired
    SandboxFaults faults;
    @Autowired
    MutableClock clock;
    @Autowired
    EncryptedAuthorizedClientService clients;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MemberAccount account;
    @Autowired
    ConnectedMembers members;
    @Autowired
    Environment environment;
    @Autowired
    ShutdownSignal shutdown;

    @BeforeEach
    void resetCounts() {
        x.resetCounts();
        openHumans.resetCounts();
    }

    @AfterEach
    void forget() {
        faults.clear();
        x.setUsageCapped(false);
        members.forgetAll();
    }

    @Test
    void firstSyncUploadsEveryReachablePostOnceInItsIsoWeekWithWeeksAscending() throws Exception {
        Member ada = members.connect(ADA, XSimulator.SANDY, clock.instant());

        SyncOutcome outcome = sync(ada);

        assertThat(outcome.kind()).isEqualTo(SyncOutcome.Kind.SYNCED);
        JsonNode archive = members.archive(ADA);
        List<IsoWeek> weeks = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        IsoWeek current = IsoWeek.of(clock.instant());
        for (JsonNode week : archive.path("weeks")) {
            IsoWeek id = IsoWeek.parse(week.path("week").asText());
            weeks.add(id);
            assertThat(week.path("complete").asBoolean()).as("complete flag of %s", id).isEqualTo(!id.equals(current));
            for (JsonNode tweet : week.path("tweets")) {
                ids.add(tweet.path("id").asText());
                assertThat(IsoWeek.of(Instant.parse(tweet.path("created_at").asText()))).isEqualTo(id);
            }
        }
        assertThat(weeks).isSorted().doesNotHaveDuplicates().first().isEqualTo(IsoWeek.of(ada.twitterCreatedAt()));
        assertThat(weeks).last().isEqualTo(current);
        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(x.reachableTweetIds(XSimulator.SANDY));
        assertThat(archive.path("format").asText()).isEqualTo("tweetflow.twitter-archive/1");
        assertThat(archive.path("account").path("username").asText()).isEqualTo("sandy_archivist");

        JsonNode metadata = members.metadata(ADA);
        assertThat(metadata.path("tags")).extracting(JsonNode::asText).containsExactly("Twitter", "tweets", "tweetflow");
        assertThat(metadata.path("format").asText()).isEqualTo("tweetflow.twitter-archive/1");
        assertThat(metadata.path("tweets").asInt()).isEqualTo(ids.size());
        assertThat(metadata.path("weeks").asInt()).isEqualTo(weeks.size());
        assertThat(metadata.path("first_week").asText()).isEqualTo(weeks.get(0).toString());
        assertThat(metadata.path("last_week").asText()).isEqualTo(current.toString());
        assertThat(members.state(ada.id())).isEqualTo("idle");

        int calls = x.callCount("users/tweets");
        int bound = (ids.size() + 99) / 100 + 1;
        LOG.info("Efficiency: first sync of {} posts in {} weeks took {} timeline calls (bound {})",
                ids.size(), weeks.size(), calls, bound);
        assertThat(calls).isLessThanOrEqualTo(bound);
    }

    @Test
    void resyncADayLaterFetchesOnlyTheIncompleteWeeksAndAddsTheNewPosts() throws Exception {
        Member ada = members.connect(ADA, XSimulator.SANDY, clock.instant());
        sync(ada);
        JsonNode before = members.archive(ADA);
        clock.advance(Duration.ofDays(1));
        Set<String> added = new HashSet<>();
        for (int i = 1; i <= 3; i++) {
            added.add(x.post(XSimulator.SANDY, "New post " + i, clock.instant().minus(Duration.ofHours(i))).idString());
        }
        x.resetCounts();

        SyncOutcome outcome = sync(ada);

        assertThat(outcome.kind()).isEqualTo(SyncOutcome.Kind.SYNCED);
        JsonNode after = members.archive(ADA);
        Map<String, JsonNode> weeksBefore = weeksByName(before);
        Map<String, JsonNode> weeksAfter = weeksByName(after);
        long incomplete = weeksBefore.values().stream().filter(w -> !w.path("complete").asBoolean()).count()
                + (weeksAfter.size() - weeksBefore.size());
        LOG.info("Efficiency: re-sync a day later with 3 new posts took {} timeline calls for {} incomplete weeks",
                x.callCount("users/tweets"), incomplete);
        assertThat(x.callCount("users/tweets")).isEqualTo(1).isLessThanOrEqualTo((int) incomplete);
        Set<String> expected = new HashSet<>(tweetIds(before));
        expected.addAll(added);
        assertThat(tweetIds(after)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        weeksBefore.forEach((name, week) -> {
            if (week.path("complete").asBoolean()) {
                assertThat(weeksAfter.get(name)).as("complete week %s is left as it was", name).isEqualTo(week);
            }
        });
    }

    @Test
    void idleResyncCostsOneCallPerIncompleteWeek() throws Exception {
        Member ada = members.connect(ADA, XSimulator.SANDY, clock.instant());
        sync(ada);
        x.resetCounts();

        sync(ada);

        LOG.info("Efficiency: idle re-sync took {} timeline call(s) for 1 incomplete week", x.callCount("users/tweets"));
        assertThat(x.callCount("users/tweets")).isEqualTo(1);
    }

    @Test
    void postMadeFifteenSecondsBeforeASyncIsInTheArchiveItUploads() throws Exception {
        Member ada = members.connect(ADA, XSimulator.SAM, clock.instant());
        sync(ada);
        clock.advance(Duration.ofHours(1));
        String justPosted = x.post(XSimulator.SAM, "Posted, then Sync now", clock.instant().minusSeconds(15))
                .idString();

        assertThat(sync(ada).kind()).isEqualTo(SyncOutcome.Kind.SYNCED);

        assertThat(tweetIds(members.archive(ADA))).contains(justPosted);
    }

    @Test
    void emptyAccountGetsAnArchiveOfEmptyWeeks() throws Exception {
        Member ada = members.connect(ADA, XSimulator.EMMA, clock.instant());

        assertThat(sync(ada).kind()).isEqualTo(SyncOutcome.Kind.SYNCED);

        assertThat(tweetIds(members.archive(ADA))).isEmpty();
        assertThat(members.metadata(ADA).path("tweets").asInt()).isZero();
        assertThat(members.metadata(ADA).path("weeks").asInt()).isPositive();
        assertThat(members.state(ada.id())).isEqualTo("idle");
    }

    @Test
    void archiveOnTheSecondPageOfExchangeMemberIsFoundAndReplaced() throws Exception {
        for (int i = 0; i < 150; i++) {
            openHumans.addFile(ADA, "other-" + i + ".csv", "{\"description\":\"other\",\"tags\":[\"x\"]}",
                    "a,b\n".getBytes());
        }
        Member ada = members.connect(ADA, XSimulator.SAM, clock.instant());
        sync(ada);
        long first = members.archiveFiles(ADA).get(0).id();
        x.resetCounts();
        openHumans.resetCounts();

        sync(ada);

        assertThat(openHumans.callCount("exchange-member")).isEqualTo(2);
        assertThat(x.callCount("users/tweets")).as("the archive found: only the open week is fetched").isEqualTo(1);
        assertThat(members.archiveFiles(ADA)).hasSize(1).first().extracting(f -> f.id()).isNotEqualTo(first);
        assertThat(openHumans.files(ADA)).hasSize(151);
    }

    @Test
    void archiveOfAnotherXAccountIsNeitherMergedNorReplaced() throws Exception {
        Member ada = members.connect(ADA, XSimulator.SAM, clock.instant());
        sync(ada);
        long samsArchive = members.archiveFiles(ADA).get(0).id();
        Member reconnected = members.connect(ADA, XSimulator.SANDY, clock.instant());

        SyncOutcome outcome = sync(reconnected);

        assertThat(outcome.kind()).isEqualTo(SyncOutcome.Kind.FAILED);
        assertThat(members.detail(ada.id())).contains("another X account (@small_sam)");
        assertThat(members.archiveFiles(ADA)).extracting(f -> f.id()).containsExactly(samsArchive);
    }

    @Test
    void memberWhoDisconnectsDuringTheSyncWithTheArchiveDeletedGetsNoArchiveBack() throws Exception {
        Member ada = members.connect(ADA, XSimulator.SAM, clock.instant());
        sync(ada);
        faults.inject(Fault.delay("GET", TIMELINE, Duration.ofMillis(700)));
        var running = camel.asyncRequestBody("direct:archive-member", ada.id(), SyncOutcome.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> "syncing".equals(members.state(ada.id()))
                && jdbc.queryForObject("SELECT week_count FROM archive_state WHERE member_id = ?", Integer.class,
                        ada.id()) != null);

        account.disconnectTwitter(ada, true);

        assertThat(running.get(10, TimeUnit.SECONDS).kind()).isEqualTo(SyncOutcome.Kind.FAILED);
        assertThat(members.archiveFiles(ADA)).isEmpty();
        assertThat(members.state(ada.id())).isEqualTo("idle");
    }

    @Test
    void memberWhoHasTheArchiveDeletedDuringItsUploadGetsNoArchiveBack() throws Exception {
        Member ada = members.connect(ADA, XSimulator.SAM, clock.instant());
        sync(ada);
        openHumans.resetCounts();
        faults.inject(Fault.delay("PUT", "/openhumans/storage/**", Duration.ofMillis(700)));
        var running = camel.asyncRequestBody("direct:archive-member", ada.id(), SyncOutcome.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> openHumans.callCount("upload-direct") == 1);

        account.disconnectTwitter(ada, true);

        assertThat(running.get(10, TimeUnit.SECONDS).kind()).isEqualTo(SyncOutcome.Kind.FAILED);
        assertThat(members.archiveFiles(ADA)).isEmpty();
    }

    @Test
    void serverErrorsAreRetriedAndTheSyncCompletes() throws Exception {
        Member ada = members.connect(ADA, XSimulator.SAM, clock.instant());
        faults.inject(Fault.status("GET", TIMELINE, 503, "{\"title\":\"Service Unavailable\",\"status\":503}"));
        faults.inject(Fault.status("GET", TIMELINE, 500, "{\"title\":\"Internal Server Error\",\"status\":500}"));

        assertThat(sync(ada).kind()).isEqualTo(SyncOutcome.Kind.SYNCED);

        assertThat(tweetIds(members.archive(ADA))).containsExactlyInAnyOrderElementsOf(
                x.reachableTweetIds(XSimulator.SAM));
    }

    @Test
    void readTimeoutIsRetriedAndTheSyncCompletes() throws Exception {
        Member ada = members.connect(ADA, XSimulator.SAM, clock.instant());
        faults.inject(Fault.delay("GET", TIMELINE, Duration.ofMillis(2500)));

        assertThat(sync(ada).kind()).isEqualTo(SyncOutcome.Kind.SYNCED);

        assertThat(tweetIds(members.archive(ADA))).containsExactlyInAnyOrderElementsOf(
                x.reachableTweetIds(XSimulator.SAM));
    }

    @Test
    void malformedAnswerFailsTheSyncWithAClearReasonAndLeavesTheArchiveAsItWas() throws Exception {
        Member ada = members.connect(ADA, XSimulator.SAM, clock.instant());
        sync(ada);
        long before = members.archiveFiles(ADA).get(0).id();
        clock.advance(Duration.ofDays(1));
        faults.inject(Fault.malformed("GET", TIMELINE));

        SyncOutcome outcome = sync(ada);

        assertThat(outcome.kind()).isEqualTo(SyncOutcome.Kind.FAILED);
        assertThat(members.state(ada.id())).isEqualTo("failed");
        assertThat(members.detail(ada.id())).contains("malformed");
        assertThat(members.archiveFiles(ADA)).extracting(f -> f.id()).containsExactly(before);
    }

    @Test
    void aRequestXRefusedFailsTheSyncLoggedOnOneLineWithXsWords(CapturedOutput output) throws Exception {
        Member ada = members.connect(ADA, XSimulator.SAM, clock.instant());
        faults.inject(Fault.status("GET", TIMELINE, 400, """
                {"errors":[{"parameters":{"end_time":["x"]},"message":"'end_time' must be a minimum of 10 seconds \
                prior to the request time."}],"title":"Invalid Request","detail":"One or more parameters to your \
                request was invalid.","type":"https://api.twitter.com/2/problems/invalid-request"}"""));

        assertThat(sync(ada).kind()).isEqualTo(SyncOutcome.Kind.FAILED);

        assertThat(output.getOut().lines().filter(line -> line.contains("Archive sync of member " + ada.id()
                + " failed"))).singleElement().asString().contains("'end_time' must be a minimum of 10 seconds");
        assertThat(output.getAll()).as("X's answer, not a defect: no stack trace").doesNotContain("\tat ");
    }

    @Test
    void failedPresignedPutKeepsTheOldArchiveAndTheNextAttemptReplacesIt() throws Exception {
        uploadFailureKeepsTheOldArchive(Fault.status("PUT", "/openhumans/storage/**", 403,
                "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>"));
    }

    @Test
    void failedUploadCompleteKeepsTheOldArchiveAndTheNextAttemptReplacesIt() throws Exception {
        uploadFailureKeepsTheOldArchive(Fault.status("POST",
                "/openhumans/api/direct-sharing/project/files/upload/complete/", 400,
                "{\"detail\":\"Invalid file_id.\"}"));
    }

    private void uploadFailureKeepsTheOldArchive(Fault fault) throws Exception {
        Member ada = members.connect(ADA, XSimulator.SAM, clock.instant());
        sync(ada);
        long before = members.archiveFiles(ADA).get(0).id();
        List<String> tweetsBefore = tweetIds(members.archive(ADA));
        clock.advance(Duration.ofDays(1));
        faults.inject(fault);

        assertThat(sync(ada).kind()).isEqualTo(SyncOutcome.Kind.FAILED);
        assertThat(members.archiveFiles(ADA)).extracting(f -> f.id()).containsExactly(before);

        assertThat(sync(ada).kind()).isEqualTo(SyncOutcome.Kind.SYNCED);
        assertThat(members.archiveFiles(ADA)).hasSize(1).first().extracting(f -> f.id()).isNotEqualTo(before);
        assertThat(tweetIds(members.archive(ADA))).containsExactlyInAnyOrderElementsOf(tweetsBefore);
    }

    @Test
    void rejectedXTokenIsRefreshedOnceAndTheSyncCompletes() throws Exception {
        Member ada = members.connect(ADA, XSimulator.SAM, clock.instant());
        String rejected = members.accessToken(Provider.X, ADA);
        x.expireAccessToken(rejected);

        assertThat(sync(ada).kind()).isEqualTo(SyncOutcome.Kind.SYNCED);

        assertThat(x.callCount("token")).isEqualTo(1);
        assertThat(members.accessToken(Provider.X, ADA)).isNotEqualTo(rejected);
        assertThat(members.archiveFiles(ADA)).hasSize(1);
    }

    @Test
    void rejectedOpenHumansTokenIsRenewedOnceAndTheSyncCompletes() throws Exception {
        Member ada = members.connect(ADA, XSimulator.SAM, clock.instant());
        String rejected = members.accessToken(Provider.OPEN_HUMANS, ADA);
        openHumans.expireAccessToken(rejected);

        assertThat(sync(ada).kind()).isEqualTo(SyncOutcome.Kind.SYNCED);

        assertThat(members.accessToken(Provider.OPEN_HUMANS, ADA)).isNotEqualTo(rejected);
        assertThat(members.archiveFiles(ADA)).hasSize(1);
    }

    @Test
    void tokensNeverAppearInTheLogs(CapturedOutput output) throws Exception {
        Member ada = members.connect(ADA, XSimulator.SAM, clock.instant());
        String xToken = members.accessToken(Provider.X, ADA);
        String openHumansToken = members.accessToken(Provider.OPEN_HUMANS, ADA);
        x.expireAccessToken(xToken);
        faults.inject(Fault.status("GET", TIMELINE, 503, "{\"title\":\"Service Unavailable\",\"status\":503}"));
        faults.inject(Fault.malformed("GET", TIMELINE));

        sync(ada);
        sync(ada);

        String renewed = members.accessToken(Provider.X, ADA);
        assertThat(output.getAll()).contains("Archive sync of member " + ada.id())
                .doesNotContain(xToken).doesNotContain(renewed).doesNotContain(openHumansToken);
    }

    @Test
    void refusedRefreshTokenMarksTheMemberNeedsReconnectAndKeepsTheirTokens() throws Exception {
        Member ada = members.connect(ADA, XSimulator.SAM, clock.instant());
        String access = members.accessToken(Provider.X, ADA);
        x.expireAccessToken(access);
        members.store(Provider.X, ADA, access, "a-refresh-token-x-no-longer-knows",
                clock.instant());

        SyncOutcome outcome = sync(ada);

        assertThat(outcome.kind()).isEqualTo(SyncOutcome.Kind.NEEDS_RECONNECT);
        assertThat(members.state(ada.id())).isEqualTo("needs_reconnect");
        assertThat(members.detail(ada.id())).contains("connect your X account again");
        assertThat((Object) clients.loadAuthorizedClient(Provider.X.registrationId(), ADA)).isNotNull();
        assertThat(members.archiveFiles(ADA)).isEmpty();
    }

    @Test
    void rateLimitAnswerStoresTheCooldownAndTheSyncResumesAfterTheReset() throws Exception {
        Member ada = members.connect(ADA, XSimulator.SAM, clock.instant());
        Instant reset = clock.instant().plusSeconds(600);
        faults.inject(Fault.status("GET", TIMELINE, 429,
                "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}")
                .withHeaders(Map.of("x-rate-limit-limit", "1500", "x-rate-limit-remaining", "0",
                        "x-rate-limit-reset", Long.toString(reset.getEpochSecond()))));

        SyncOutcome stopped = sync(ada);

        assertThat(stopped.kind()).isEqualTo(SyncOutcome.Kind.COOLING_DOWN);
        Instant rolled = reset.plus(RateLimitHeaders.ROLL_MARGIN);
        assertThat(stopped.notBefore()).as("X's window may roll after its reset").isEqualTo(rolled);
        assertThat(members.state(ada.id())).isEqualTo("cooling_down");
        assertThat(jdbc.queryForObject("SELECT cooldown_until FROM archive_state WHERE member_id = ?", Instant.class,
                ada.id())).isEqualTo(rolled);

        clock.set(rolled);
        assertThat(sync(ada).kind()).isEqualTo(SyncOutcome.Kind.SYNCED);
        assertThat(tweetIds(members.archive(ADA))).containsExactlyInAnyOrderElementsOf(
                x.reachableTweetIds(XSimulator.SAM));
    }

    @Test
    void rateLimitAnswerEndsTheSyncWithoutAnotherCall() throws Exception {
        Member ada = members.connect(ADA, XSimulator.SANDY, clock.instant());
        faults.inject(Fault.status("GET", TIMELINE, 429, "{\"title\":\"Too Many Requests\",\"status\":429}"));

        SyncOutcome stopped = sync(ada);

        assertThat(stopped.kind()).isEqualTo(SyncOutcome.Kind.COOLING_DOWN);
        assertThat(x.callCount("users/tweets")).as("no call after the 429").isZero();
        clock.set(stopped.notBefore().plusSeconds(1));
    }

    @Test
    void usageCapPausesTimelineFetchingForEveryMember() throws Exception {
        Member ada = members.connect(ADA, XSimulator.SAM, clock.instant());
        Member ben = members.connect(BEN, XSimulator.SANDY, clock.instant());
        x.setUsageCapped(true);

        SyncOutcome capped = sync(ada);
        int callsAfterFirst = x.callCount("users/tweets");
        SyncOutcome other = sync(ben);

        assertThat(capped.kind()).isEqualTo(SyncOutcome.Kind.COOLING_DOWN);
        assertThat(members.detail(ada.id())).contains("usage cap");
        assertThat(other.kind()).isEqualTo(SyncOutcome.Kind.COOLING_DOWN);
        assertThat(x.callCount("users/tweets")).as("no call for the second member").isEqualTo(callsAfterFirst);
        x.setUsageCapped(false);
        clock.set(capped.notBefore().plusSeconds(1));
    }

    @Test
    void accountCreatedIn2007WithFourThousandPostsSyncedOnAWednesdayGetsEveryReachablePostWithinTheCallTarget()
            throws Exception {
        clock.set(IsoWeek.of(clock.instant()).next().start().plus(Duration.ofDays(2)).plus(Duration.ofHours(13)));
        Member ada = members.connect(ADA, XSimulator.VETERAN, clock.instant());
        assertThat(ada.twitterCreatedAt()).isBefore(WeekPlanner.TIMELINE_FLOOR);
        assertThat(x.tweetCount(XSimulator.VETERAN)).isEqualTo(4000);

        SyncOutcome outcome = sync(ada);

        assertThat(outcome.kind()).as(members.detail(ada.id())).isEqualTo(SyncOutcome.Kind.SYNCED);
        JsonNode archive = members.archive(ADA);
        for (JsonNode week : archive.path("weeks")) {
            IsoWeek id = IsoWeek.parse(week.path("week").asText());
            week.path("tweets").forEach(tweet -> assertThat(IsoWeek.of(Instant.parse(tweet.path("created_at")
                    .asText()))).isEqualTo(id));
        }
        List<String> reachable = x.reachableTweetIds(XSimulator.VETERAN);
        assertThat(tweetIds(archive)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(reachable);
        assertThat(archive.path("weeks").get(0).path("week").asText()).as("X's floor week").isEqualTo("2010-W44");
        int calls = x.callCount("users/tweets");
        LOG.info("Efficiency: first sync of a 2007 account, {} reachable posts, took {} timeline calls",
                reachable.size(), calls);
        assertThat(calls).isLessThanOrEqualTo((reachable.size() + 99) / 100 + 1);
    }

    @Test
    void resyncOfABusyWeekAsksOnlyForThePostsSinceTheLastSync() throws Exception {
        clock.set(IsoWeek.of(clock.instant()).next().start().plus(Duration.ofDays(2)).plus(Duration.ofHours(13)));
        Instant monday = IsoWeek.of(clock.instant()).start();
        for (int i = 0; i < 300; i++) {
            x.post(XSimulator.SAM, "Busy start of the week, post " + i, monday.plus(Duration.ofMinutes(5L * i)));
        }
        Member ada = members.connect(ADA, XSimulator.SAM, clock.instant());
        sync(ada);
        List<String> archived = tweetIds(members.archive(ADA));
        clock.advance(Duration.ofHours(8));
        for (int i = 0; i < 10; i++) {
            x.post(XSimulator.SAM, "Later that day, post " + i, clock.instant().minus(Duration.ofMinutes(10L * i + 5)));
        }
        x.resetCounts();

        assertThat(sync(ada).kind()).isEqualTo(SyncOutcome.Kind.SYNCED);

        assertThat(x.callCount("users/tweets")).as("ceil(10 new posts / 100) + 1").isLessThanOrEqualTo(2);
        assertThat(tweetIds(members.archive(ADA))).containsAll(archived)
                .containsExactlyInAnyOrderElementsOf(x.reachableTweetIds(XSimulator.SAM));
    }

    @Test
    void postTheMemberDeletedOnXStaysInTheArchive() throws Exception {
        Member ada = members.connect(ADA, XSimulator.SAM, clock.instant());
        sync(ada);
        List<String> archived = tweetIds(members.archive(ADA));
        String newest = x.reachableTweetIds(XSimulator.SAM).get(0);
        x.delete(Long.parseLong(newest));
        clock.advance(Duration.ofDays(1));

        assertThat(sync(ada).kind()).isEqualTo(SyncOutcome.Kind.SYNCED);

        assertThat(tweetIds(members.archive(ADA))).contains(newest).containsAll(archived).doesNotHaveDuplicates();
    }

    @Test
    void postsPushedPastTheNewest3200ByNewOnesStayInTheArchive() throws Exception {
        Member ada = members.connect(ADA, XSimulator.SAM, clock.instant());
        sync(ada);
        List<String> archived = tweetIds(members.archive(ADA));
        Instant from = clock.instant();
        for (int i = 0; i < 3300; i++) {
            x.post(XSimulator.SAM, "Busy day, post " + i, from.plusSeconds(20L * i));
        }
        clock.set(from.plusSeconds(20L * 3300).plus(Duration.ofMinutes(5)));
        assertThat(x.reachableTweetIds(XSimulator.SAM)).doesNotContainAnyElementsOf(archived);

        assertThat(sync(ada).kind()).isEqualTo(SyncOutcome.Kind.SYNCED);

        assertThat(tweetIds(members.archive(ADA))).doesNotHaveDuplicates().containsAll(archived)
                .containsAll(x.reachableTweetIds(XSimulator.SAM));
    }

    /**
     * An operator follows one sync in the logs: a line when it starts and one when it ends, with the outcome, weeks
     * and posts; each with the member id in the MDC, which JSON logs (the production overlay's setting) make a field.
     */
    @Test
    void aSyncLogsItsStartAndItsEndWithOutcomeWeeksAndPostsTheMemberInTheMdcAndInJson() throws Exception {
        Member ada = members.connect(ADA, XSimulator.SAM, clock.instant());
        List<ILoggingEvent> lines;
        try (LogLines logged = LogLines.of(MemberSync.class)) {
            sync(ada);
            lines = logged.startingWith("Archive sync of member " + ada.id() + " ");
        }

        int posts = x.reachableTweetIds(XSimulator.SAM).size();
        assertThat(lines).extracting(ILoggingEvent::getFormattedMessage).satisfiesExactly(
                started -> assertThat(started).isEqualTo("Archive sync of member " + ada.id() + " started"),
                ended -> assertThat(ended).startsWith("Archive sync of member " + ada.id() + " ended synced: ")
                        .endsWith("weeks, " + posts + " posts fetched"));
        assertThat(lines).allSatisfy(line -> assertThat(line.getLevel()).isEqualTo(Level.INFO))
                .allSatisfy(line -> assertThat(line.getMDCPropertyMap())
                        .containsEntry(LogContext.MEMBER_ID, Long.toString(ada.id())));
        assertThat(MDC.get(LogContext.MEMBER_ID)).as("cleared after the sync").isNull();

        JsonNode json = new ObjectMapper().readTree(StructuredLogs.production(environment).encode(lines.get(1)));
        assertThat(json.path("message").asText()).isEqualTo(lines.get(1).getFormattedMessage());
        assertThat(json.at("/tweetflow/memberId").asText()).isEqualTo(Long.toString(ada.id()));
    }

    @Test
    void postEditedOnXReplacesItsOldCopyWhichStaysAmongTheIncludes() throws Exception {
        Member ada = members.connect(ADA, XSimulator.SAM, clock.instant());
        sync(ada);
        long original = x.post(XSimulator.SAM, "Coffe and code", clock.instant().minus(Duration.ofMinutes(20))).id();
        sync(ada);
        assertThat(tweetIds(members.archive(ADA))).contains(Long.toString(original));
        String edited = x.edit(original, "Coffee and code", clock.instant().minus(Duration.ofMinutes(10)))
                .idString();
        clock.advance(Duration.ofHours(1));

        assertThat(sync(ada).kind()).isEqualTo(SyncOutcome.Kind.SYNCED);

        JsonNode archive = members.archive(ADA);
        assertThat(tweetIds(archive)).contains(edited).doesNotContain(Long.toString(original));
        JsonNode week = weeksByName(archive).get(IsoWeek.of(clock.instant().minus(Duration.ofMinutes(70))).toString());
        assertThat(week.path("includes").path("tweets").findValuesAsText("id")).contains(Long.toString(original));
    }

    @Test
    void aSyncTakenAfterTheReplicaBeganToStopStartsNothingNotEvenTheArchivesDownload() {
        Member ada = members.connect(ADA, XSimulator.SANDY, clock.instant());
        openHumans.resetCounts();

        shutdown.stop();
        SyncOutcome outcome;
        try {
            outcome = sync(ada);
        } finally {
            shutdown.start();
        }

        assertThat(outcome.kind()).isEqualTo(SyncOutcome.Kind.STOPPED);
        assertThat(openHumans.callCount("exchange-member")).as("the archive looked for").isZero();
        assertThat(x.callCount("users/tweets")).isZero();
    }

    private SyncOutcome sync(Member member) {
        return camel.requestBody("direct:archive-member", member.id(), SyncOutcome.class);
    }

    private static Map<String, JsonNode> weeksByName(JsonNode archive) {
        Map<String, JsonNode> weeks = new TreeMap<>();
        archive.path("weeks").forEach(week -> weeks.put(week.path("week").asText(), week));
        return weeks;
    }

    static List<String> tweetIds(JsonNode archive) {
        List<String> ids = new ArrayList<>();
        archive.path("weeks").forEach(week -> week.path("tweets").forEach(t -> ids.add(t.path("id").asText())));
        return ids;
    }
}
