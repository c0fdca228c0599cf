package org.tweetflow.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.seda.SedaEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tweetflow.OpsAccount;
import org.tweetflow.TweetflowTest;
import org.tweetflow.archive.ArchiveQueue;
import org.tweetflow.archive.ArchiveStates;
import org.tweetflow.archive.ConnectedMembers;
import org.tweetflow.archive.SyncOutcome;
import org.tweetflow.collect.NewCollections;
import org.tweetflow.member.Member;
import org.tweetflow.member.MemberAccount;
import org.tweetflow.ratelimit.RateBudget;
import org.tweetflow.sandbox.openhumans.OpenHumansSimulator;
import org.tweetflow.sandbox.x.XSimulator;

/**
 * The operators' actions through the management port, behind the ops account: what each changes in the data, the
 * calls to X a pause holds back, and the log line naming who asked.
 */
@TweetflowTest
@ExtendWith(OutputCaptureExtension.class)
class OpsActionsTest {

    static final String ADA = "10000001";
    static final String BEN = "10000002";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalManagementPort
    int managementPort;
    @LocalServerPort
    int publicPort;

    @Autowired
    ConnectedMembers members;
    @Autowired
    MemberAccount accounts;
    @Autowired
    ArchiveStates states;
    @Autowired
    ArchiveQueue queue;
    @Autowired
    NewCollections collections;
    @Autowired
    RateBudget budget;
    @Autowired
    XSimulator x;
    @Autowired
    OpenHumansSimulator openHumans;
    @Autowired
    CamelContext camelContext;
    @Autowired
    ProducerTemplate camel;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void forget() throws Exception {
        camelContext.getRouteController().stopRoute("claim-queued-syncs");
        budget.resumeAll();
        jdbc.update("DELETE FROM work_item");
        jdbc.update("DELETE FROM member");
        jdbc.update("DELETE FROM fetch_pause");
        openHumans.clearFiles();
        x.resetCounts();
    }

    @Test
    void withoutTheOpsAccountNoActionAnswersAndNothingChanges() throws Exception {
        Member ada = members.connect(ADA, XSimulator.SAM, Instant.now());

        HttpResponse<String> anonymous = post(managementPort, "/actuator/fetching", "{\"paused\":true}", null);
        HttpResponse<String> wrongPassword = post(managementPort, "/actuator/syncs/" + ADA, null,
                "Basic " + Base64.getEncoder().encodeToString((OpsAccount.USERNAME + ":wrong").getBytes()));
        HttpResponse<String> publicPortWithTheAccount = post(publicPort, "/actuator/syncs", null,
                OpsAccount.basicAuth());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(publicPortWithTheAccount.statusCode()).isNotEqualTo(200);
        assertThat(budget.fetching()).isTrue();
        assertThat(queuedMembers()).doesNotContain(ada.id());
    }

    @Test
    void everyOpsActionTheGuideShowsSendsJsonAsThisTestDoes() throws IOException {
        List<String> posts = Files.readAllLines(Path.of("docs", "operations.md")).stream()
                .filter(line -> line.startsWith("curl $OPS -X POST")).toList();

        assertThat(posts).hasSize(5).allSatisfy(line -> assertThat(line)
                .contains("-X POST -H 'Content-Type: application/json' "));
    }

    @Test
    void aPostAnotherSitesPageCouldSendWithoutAPreflightIsRefusedAndChangesNothing() throws Exception {
        Member ada = members.connect(ADA, XSimulator.SAM, Instant.now());

        // what a form or a script's simple request of another site can send with the browser's cached credentials
        HttpResponse<String> text = post(managementPort, "/actuator/fetching", "text/plain", "{\"paused\":true}",
                OpsAccount.basicAuth());
        HttpResponse<String> form = post(managementPort, "/actuator/syncs/" + ADA,
                "application/x-www-form-urlencoded", "", OpsAccount.basicAuth());
        // and a JSON one, which a browser sends only after a preflight, says which site's page made it
        HttpResponse<String> crossSite = http.send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + managementPort + "/actuator/fetching")).header("Content-Type", "application/json")
                .header("Sec-Fetch-Site", "same-site").header("Authorization", OpsAccount.basicAuth())
                .POST(HttpRequest.BodyPublishers.ofString("{\"paused\":true}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(budget.fetching()).isTrue();
        assertThat(queuedMembers()).doesNotContain(ada.id());
    }

    @Test
    void syncNowQueuesOneMemberWhateverTheirIntervalOnlyOnceAndLogsWhoAsked(CapturedOutput output) throws Exception {
        Member ada = members.connect(ADA, XSimulator.SAM, Instant.now());
        accounts.requestSync(ada.id());
        jdbc.update("DELETE FROM work_item");
        assertThat(accounts.requestSync(ada.id())).as("the member may not ask again yet").isPresent();

        HttpResponse<String> first = post(managementPort, "/actuator/syncs/" + ADA, null, OpsAccount.basicAuth());
        HttpResponse<String> second = post(managementPort, "/actuator/syncs/" + ADA, null, OpsAccount.basicAuth());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("queued the archive sync of member " + ADA);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("queued already");
        assertThat(jdbc.queryForList("SELECT reason FROM work_item WHERE kind = ? AND subject_id = ?", String.class,
                ArchiveQueue.KIND, ada.id())).containsExactly("operators");
        assertThat(output).contains("Ops account " + OpsAccount.USERNAME + " asks for an archive sync of member "
                + ada.id() + " now");
    }

    @Test
    void anUnknownMemberIsNotFoundAndOneWithoutXConflictsAndNothingIsQueued() throws Exception {
        Member signedInOnly = members.signIn(BEN, Instant.now());

        HttpResponse<String> unknown = post(managementPort, "/actuator/syncs/99999999", null, OpsAccount.basicAuth());
        HttpResponse<String> withoutX = post(managementPort, "/actuator/syncs/" + BEN, null, OpsAccount.basicAuth());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no member with Open Humans member id 99999999");
        assertThat(withoutX.statusCode()).isEqualTo(409);
        assertThat(withoutX.body()).contains("has not connected an X account");
        assertThat(queuedMembers()).doesNotContain(signedInOnly.id()).isEmpty();
    }

    @Test
    void queueingStaleMembersNowQueuesEveryStaleMemberAndNoFreshOne(CapturedOutput output) throws Exception {
        Member stale = members.connect(ADA, XSimulator.SAM, Instant.now());
        Member fresh = members.connect(BEN, XSimulator.SANDY, Instant.now());
        states.idle(fresh.id());
        jdbc.update("UPDATE archive_state SET last_complete_at = ? WHERE member_id = ?", Timestamp.from(Instant.now()),
                fresh.id());

        HttpResponse<String> answer = post(managementPort, "/actuator/syncs", null, OpsAccount.basicAuth());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("queued 1 stale member(s)");
        assertThat(queuedMembers()).containsExactly(stale.id());
        assertThat(output).contains("Ops account " + OpsAccount.USERNAME + " asks to queue every stale member now");
    }

    @Test
    void pauseHoldsEverySyncWithoutACallToXAndResumeContinuesTheQueuedOnes(CapturedOutput output) throws Exception {
        Member ada = members.connect(ADA, XSimulator.SAM, Instant.now());
        x.resetCounts();

        HttpResponse<String> paused = post(managementPort, "/actuator/fetching", "{\"paused\":true}",
                OpsAccount.basicAuth());
        HttpResponse<String> state = get("/actuator/fetching");
        // a sync that runs now (a worker had claimed it) keeps what it fetched, here nothing, and waits
        SyncOutcome stopped = camel.requestBody("direct:archive-member", ada.id(), SyncOutcome.class);
        queue.queue(ada.id(), "connected");
        NotifyBuilder claims = new NotifyBuilder(camelContext).fromRoute("claim-queued-syncs").whenCompleted(2).create();
        camelContext.getRouteController().startRoute("claim-queued-syncs");
        boolean claimsRan = claims.matches(30, TimeUnit.SECONDS);
        // a sync those claims handed to a worker has ended by now, and would show in the member's state
        SedaEndpoint workers = camelContext.getEndpoint("seda:archive-syncs", SedaEndpoint.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> workers.getCurrentQueueSize() == 0
                && camelContext.getInflightRepository().size() == 0);
        int callsWhilePaused = x.callCount("users/tweets");
        String stateWhilePaused = state(ada.id());
        HttpResponse<String> resumed = post(managementPort, "/actuator/fetching", "{\"paused\":false}",
                OpsAccount.basicAuth());

        assertThat(paused.statusCode()).isEqualTo(200);
        assertThat(paused.body()).contains("\"paused\":true");
        assertThat(state.body()).contains("\"paused\":true").contains("paused by the operators");
        assertThat(stopped.kind()).isEqualTo(SyncOutcome.Kind.COOLING_DOWN);
        assertThat(stopped.detail()).contains("paused by the operators");
        assertThat(claimsRan).as("the workers looked for queued syncs").isTrue();
        assertThat(stateWhilePaused).as("and started none").isEqualTo(ArchiveStates.QUEUED);
        assertThat(callsWhilePaused).as("calls to X while paused").isZero();
        assertThat(resumed.body()).contains("\"paused\":false");
        await().atMost(Duration.ofSeconds(60)).until(() -> queuedMembers().isEmpty()
                && ArchiveStates.IDLE.equals(state(ada.id())));
        assertThat(jdbc.queryForObject("SELECT tweets FROM archive_state WHERE member_id = ?", Long.class, ada.id()))
                .as("every post archived after the resume").isEqualTo(x.reachableTweetIds(XSimulator.SAM).size());
        assertThat(output).contains("Ops account " + OpsAccount.USERNAME + " pauses fetching from X")
                .contains("Ops account " + OpsAccount.USERNAME + " resumes fetching from X");
    }

    @Test
    void retryingAFailedSummaryStepQueuesItAgainAndAnUnknownOneChangesNothing(CapturedOutput output)
            throws Exception {
        Member ada = members.connect(ADA, XSimulator.SAM, Instant.now());
        long collection = collections.start(ada.id(), "#archives", 10, null).id();
        jdbc.update("DELETE FROM work_item");
        step(collection, "media.csv", "failed");
        step(collection, "words.csv", "done");

        HttpResponse<String> unknownCollection = post(managementPort, "/actuator/summarysteps/99999999/media.csv",
                null, OpsAccount.basicAuth());
        HttpResponse<String> unknownStep = post(managementPort, "/actuator/summarysteps/" + collection + "/no.csv",
                null, OpsAccount.basicAuth());
        HttpResponse<String> done = post(managementPort, "/actuator/summarysteps/" + collection + "/words.csv", null,
                OpsAccount.basicAuth());
        boolean queuedBefore = !jdbc.queryForList("SELECT id FROM work_item").isEmpty();
        HttpResponse<String> failed = post(managementPort, "/actuator/summarysteps/" + collection + "/media.csv", null,
                OpsAccount.basicAuth());

        assertThat(unknownCollection.statusCode()).isEqualTo(404);
        assertThat(unknownCollection.body()).contains("no collection 99999999");
        assertThat(unknownStep.statusCode()).isEqualTo(404);
        assertThat(unknownStep.body()).contains("has no summary step no.csv");
        assertThat(done.statusCode()).isEqualTo(409);
        assertThat(queuedBefore).as("nothing queued by the refused ones").isFalse();
        assertThat(failed.statusCode()).isEqualTo(200);
        assertThat(stepState(collection, "media.csv")).isEqualTo("pending");
        assertThat(stepState(collection, "words.csv")).isEqualTo("done");
        assertThat(jdbc.queryForList("SELECT reason FROM work_item WHERE subject_id = ?", String.class, collection))
                .containsExactly("summarize");
        assertThat(output).contains("Ops account " + OpsAccount.USERNAME + " retries summary step media.csv of "
                + "collection " + collection);
    }

    private void step(long collection, String name, String state) {
        jdbc.update("INSERT INTO collection_step (collection_id, name, state, updated_at) VALUES (?, ?, ?, ?)",
                collection, name, state, Timestamp.from(Instant.now()));
    }

    private String stepState(long collection, String name) {
        return jdbc.queryForObject("SELECT state FROM collection_step WHERE collection_id = ? AND name = ?",
                String.class, collection, name);
    }

    private String state(long memberId) {
        return jdbc.queryForObject("SELECT state FROM archive_state WHERE member_id = ?", String.class, memberId);
    }

    private List<Long> queuedMembers() {
        return jdbc.queryForList("SELECT subject_id FROM work_item WHERE kind = ?", Long.class, ArchiveQueue.KIND);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path))
                .header("Authorization", OpsAccount.basicAuth()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * An ops action as docs/operations.md's curl lines send it: {@code -X POST -H 'Content-Type: application/json'},
     * with {@code -d json} when there is one, else no body at all.
     */
    private HttpResponse<String> post(int port, String path, String json, String authorization)
            throws IOException, InterruptedException {
        return post(port, path, "application/json", json, authorization);
    }

    private HttpResponse<String> post(int port, String path, String contentType, String body, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType).POST(body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
