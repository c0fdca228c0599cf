package org.tweetflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tweetflow.RoundRobinBalancer;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.archive.ArchiveQueue;
import org.tweetflow.archive.export.ArchiveImports;
import org.tweetflow.archive.export.ExportUploads;
import org.tweetflow.collect.Collection;
import org.tweetflow.collect.CollectionFiles;
import org.tweetflow.collect.Collections;
import org.tweetflow.collect.NewCollections;
import org.tweetflow.member.Member;
import org.tweetflow.ratelimit.RateBudget;
import org.tweetflow.sandbox.SandboxClients;
import org.tweetflow.sandbox.SandboxFaults;
import org.tweetflow.sandbox.SandboxHttp;
import org.tweetflow.sandbox.x.XSimulator;
import org.tweetflow.work.ShutdownSignal;

/**
 * Three replicas working together as a deployment runs them (issue 22): two in this JVM and one in a JVM of its
 * own, sharing one PostgreSQL, one Redis and one collections directory, behind a round-robin balancer without session
 * affinity, against the sandbox with a strict per-window limit on the app's bearer token ({@link Cluster}). The
 * test that kills the child JVM runs last: it leaves two replicas.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasTest {

    /** The app token's window and its recent-search limit at the sandbox: strict, and short so windows pass. */
    static final Duration WINDOW = Duration.ofSeconds(5);
    static final int APP_SEARCH_LIMIT = 6;
    /** Four collections of 1,100 posts each: 44 pages, about seven windows of the app's limit. */
    static final List<String> QUERIES = List.of("#climate OR #opendata OR #openscience OR #datascience OR #archives",
            "#climate OR the OR RT", "#opendata OR data OR RT OR #archives",
            "#openscience OR #datascience OR the OR a OR data");
    static final int POSTS_EACH = 1100;
    static final Duration SCAN_PERIOD = Duration.ofSeconds(2);
    static final String SCAN_LINE = "Stale-member scan queued";
    /** The MDC key Camel names the context in (camel.main.use-mdc-logging): the replica in this JVM that logged. */
    static final String CAMEL_CONTEXT = "camel.contextId";
    static final String ADA = "10000001";
    static final String BEN = "10000002";
    static final String CLEO = "10000003";

    static Cluster cluster;
    static ClusterMembers members;
    static final List<ILoggingEvent> scanLines = new CopyOnWriteArrayList<>();
    static AppenderBase<ILoggingEvent> scans;

    @BeforeAll
    static void startCluster() throws Exception {
        Map<String, String> simulation = new LinkedHashMap<>();
        simulation.put("tweetflow.simulation.window", "PT" + WINDOW.toSeconds() + "S");
        simulation.put("tweetflow.simulation.app-search-limit", Integer.toString(APP_SEARCH_LIMIT));
        // the members' own windows stay out of the way: the app token's is the one every replica shares
        for (String limit : List.of("timeline-limit", "search-limit", "me-limit", "app-timeline-limit")) {
            simulation.put("tweetflow.simulation." + limit, "100000");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        // a replica that dies loses its items within seconds
        settings.put("tweetflow.archive.lease", "PT3S");
        settings.put("tweetflow.archive.lease-renewal", "PT1S");
        settings.put("tweetflow.archive.poll-interval", "PT0.3S");
        settings.put("tweetflow.collect.lease", "PT3S");
        settings.put("tweetflow.collect.lease-renewal", "PT1S");
        settings.put("tweetflow.collect.poll-interval", "PT0.3S");
        settings.put("tweetflow.archive.schedule", "0/" + SCAN_PERIOD.toSeconds() + " * * * * ?");
        settings.put("logging.level.archive-scan", "INFO");
        cluster = Cluster.start("cluster", 2, true, simulation, settings);
        members = new ClusterMembers(cluster);
        scans = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                if (event.getFormattedMessage().startsWith(SCAN_LINE)) {
                    scanLines.add(event);
                }
            }
        };
        scans.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(scans);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(scans);
        if (cluster != null) {
            cluster.close();
        }
    }

    @AfterEach
    void forget() {
        cluster.faults().clear();
        cluster.x().resetCounts();
        cluster.openHumans().resetCounts();
        cluster.bean(RateBudget.class).resumeAll();
        JdbcTemplate jdbc = cluster.bean(JdbcTemplate.class);
        jdbc.update("DELETE FROM work_item");
        jdbc.update("DELETE FROM member");
        cluster.openHumans().clearFiles();
    }

    @Test
    @Order(1)
    void aMemberSignsInAndConnectsXAcrossReplicasBehindARoundRobinBalancer() throws Exception {
        Browser browser = new Browser(cluster.balancer().url());
        int before = cluster.balancer().forwarded().size();

        HttpResponse<String> toOpenHumans = browser.get("/oauth2/authorization/openhumans");
        Map<String, String> asked = SandboxHttp.query(browser.location(toOpenHumans));
        HttpResponse<String> back = browser.post(SandboxClients.OPEN_HUMANS_PATH
                + "/direct-sharing/projects/oauth2/authorize/", Map.of("client_id", asked.get("client_id"),
                "redirect_uri", asked.get("redirect_uri"), "state", asked.get("state"), "project_member_id", ADA,
                "decision", "authorize"));
        browser.followWithinTheService(back);
        HttpResponse<String> toX = browser.get("/oauth2/authorization/twitter");
        Map<String, String> authorize = new LinkedHashMap<>(SandboxHttp.query(browser.location(toX)));
        authorize.put("user_id", XSimulator.SAM);
        authorize.put("decision", "allow");
        HttpResponse<String> dashboard = browser.followWithinTheService(
                browser.post(SandboxClients.X_PATH + "/i/oauth2/authorize", authorize));

        assertThat(dashboard.uri().getPath()).as("where the browser went: %s", browser.way).isEqualTo("/dashboard");
        Document page = Jsoup.parse(dashboard.body());
        assertThat(page.getElementById("account").text()).isEqualTo("@small_sam");
        List<RoundRobinBalancer.Forwarded> flow = cluster.balancer().forwarded();
        flow = flow.subList(before, flow.size()).stream().filter(request -> cluster.replicaOf(request) >= 0).toList();
        assertThat(flow).extracting(cluster::replicaOf).as("every replica served a step").containsAll(List.of(0, 1, 2));
        assertThat(replicaOf(flow, "/login/oauth2/code/openhumans")).as("Open Humans' callback on another replica")
                .isNotEqualTo(replicaOf(flow, "/oauth2/authorization/openhumans"));
        assertThat(replicaOf(flow, "/connect/twitter/callback")).as("X's callback on another replica")
                .isNotEqualTo(replicaOf(flow, "/oauth2/authorization/twitter"));
        // the connect queued a sync, which one of them runs
        long ada = cluster.bean(JdbcTemplate.class).queryForObject(
                "SELECT id FROM member WHERE project_member_id = ?", Long.class, ADA);
        await().atMost(Duration.ofSeconds(30)).until(() -> "idle".equals(members.state(ada)));
        assertThat(members.archivedPostIds(ADA))
                .containsExactlyInAnyOrderElementsOf(cluster.x().reachableTweetIds(XSimulator.SAM));
    }

    @Test
    @Order(2)
    void aBacklogIsWorkedByAllReplicasWithinTheSharedAppWindowWithoutA429() throws Exception {
        XSimulator x = cluster.x();
        Map<String, String> accounts = Map.of(ADA, XSimulator.SANDY, BEN, XSimulator.VETERAN, CLEO, XSimulator.SAM);
        Map<String, Member> connected = new LinkedHashMap<>();
        accounts.forEach((member, account) -> connected.put(member, members.connect(member, account)));
        NewCollections newCollections = cluster.bean(NewCollections.class);
        List<Member> owners = List.copyOf(connected.values());
        Collections store = cluster.bean(Collections.class);
        // as in a service that has run before: the app token's limit is known (a first call, the budget's probe, tells
        // it; until then the budget lets one call out and the others wait)
        long warmUp = newCollections.start(owners.get(0).id(), "#archives", 10, null).id();
        await().atMost(Duration.ofSeconds(30)).until(() -> Collection.COLLECTED.equals(store.find(warmUp).orElseThrow()
                .state()));
        Instant queued = Instant.now();
        List<Long> collections = new ArrayList<>();
        for (int i = 0; i < QUERIES.size(); i++) {
            collections.add(newCollections.start(owners.get(i % owners.size()).id(), QUERIES.get(i), POSTS_EACH, null)
                    .id());
        }
        ArchiveQueue queue = cluster.bean(ArchiveQueue.class);
        connected.values().forEach(member -> queue.queue(member.id(), "connected"));

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> collections.stream()
                .allMatch(id -> Collection.COLLECTED.equals(store.find(id).orElseThrow().state()))
                && connected.values().stream().allMatch(member -> "idle".equals(members.state(member.id()))));

        assertThat(x.refusedCalls()).as("429s at the sandbox").isZero();
        SortedMap<Instant, Integer> windows = x.callsByWindow("search/recent", XSimulator.APP_CALLER);
        assertThat(utilisation(windows, queued)).as("share of the app token's allowance used while collections waited; calls "
                + "by window: %s", windows).isGreaterThanOrEqualTo(0.97);
        for (Map.Entry<String, String> member : accounts.entrySet()) {
            assertThat(members.archivedPostIds(member.getKey())).as("archive of " + member.getKey())
                    .containsExactlyInAnyOrderElementsOf(x.reachableTweetIds(member.getValue()));
            assertThat(cluster.openHumans().completedUploads(member.getKey())).as("uploads of " + member.getKey())
                    .isEqualTo(1);
        }
        for (long id : collections) {
            assertThat(store.find(id).orElseThrow().collected()).isEqualTo(POSTS_EACH);
            assertThat(store.runs(id)).as("runs of collection " + id).hasSize(1);
            assertThat(postIds(id)).as("posts of collection " + id).hasSize(POSTS_EACH).doesNotHaveDuplicates();
        }
    }

    @Test
    @Order(3)
    void onlyOneReplicaFiresTheStaleMemberScanInEachPeriod() throws Exception {
        Instant from = Instant.now();
        scanLines.clear();
        long childLines = childScanLines().size();

        Thread.sleep(SCAN_PERIOD.multipliedBy(4).toMillis());

        Instant to = Instant.now();
        SortedMap<Long, List<String>> firings = new TreeMap<>();
        scanLines.stream().filter(line -> line.getMDCPropertyMap().getOrDefault(CAMEL_CONTEXT, "").startsWith(
                "tweetflow-replica")).forEach(line -> firings.computeIfAbsent(line.getTimeStamp()
                        / SCAN_PERIOD.toMillis(), period -> new ArrayList<>()).add(line.getMDCPropertyMap()
                        .get(CAMEL_CONTEXT)));
        childScanLines().stream().skip(childLines).forEach(at -> firings.computeIfAbsent(at.toEpochMilli()
                / SCAN_PERIOD.toMillis(), period -> new ArrayList<>()).add("child"));
        // the periods wholly inside the watch
        long first = from.toEpochMilli() / SCAN_PERIOD.toMillis() + 1;
        long last = to.toEpochMilli() / SCAN_PERIOD.toMillis() - 1;
        assertThat(last).isGreaterThan(first);
        for (long period = first; period <= last; period++) {
            assertThat(firings.getOrDefault(period, List.of())).as("replicas that fired the scan in period " + period)
                    .hasSize(1);
        }
    }

    @Test
    @Order(4)
    void aPauseOnOneReplicaStopsTheCallsToXOfEveryReplicaAndAResumeOnAnotherContinuesTheirWork() throws Exception {
        XSimulator x = cluster.x();
        Map<String, String> accounts = Map.of(ADA, XSimulator.SANDY, BEN, XSimulator.VETERAN);
        List<Member> connected = accounts.entrySet().stream().map(a -> members.connect(a.getKey(), a.getValue()))
                .toList();
        Collections store = cluster.bean(Collections.class);
        long collection = cluster.bean(NewCollections.class).start(connected.get(0).id(), QUERIES.get(0), POSTS_EACH,
                null).id();
        ArchiveQueue queue = cluster.bean(ArchiveQueue.class);
        connected.forEach(member -> queue.queue(member.id(), "connected"));
        await().atMost(Duration.ofSeconds(30)).until(() -> x.callCount("search/recent") >= APP_SEARCH_LIMIT);
        JdbcTemplate jdbc = cluster.bean(JdbcTemplate.class);

        opsAction(0, "direct:pause-x-fetching");
        // every replica's running work stops at its next call and waits in the queue, with what it fetched kept
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM work_item WHERE lease_owner IS NOT NULL", Integer.class) == 0);
        int timelineCalls = x.callCount("users/tweets");
        int searchCalls = x.callCount("search/recent");
        // the workers of this JVM's replicas look for work several times meanwhile (the child's as often)
        List<NotifyBuilder> claims = cluster.replicas().stream().map(c -> new NotifyBuilder(c.getBean(
                CamelContext.class)).fromRoute("claim-queued-collections").whenCompleted(3).create()).toList();
        for (NotifyBuilder claimed : claims) {
            assertThat(claimed.matches(30, TimeUnit.SECONDS)).isTrue();
        }
        int timelineCallsAfter = x.callCount("users/tweets");
        int searchCallsAfter = x.callCount("search/recent");
        Collection whilePaused = store.find(collection).orElseThrow();
        opsAction(1, "direct:resume-x-fetching");

        assertThat(timelineCallsAfter).as("timeline calls while paused").isEqualTo(timelineCalls);
        assertThat(searchCallsAfter).as("search calls while paused").isEqualTo(searchCalls);
        assertThat(whilePaused.collected()).as("collected before the pause, kept").isPositive()
                .isLessThan(POSTS_EACH);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> Collection.COLLECTED
                .equals(store.find(collection).orElseThrow().state())
                && connected.stream().allMatch(member -> "idle".equals(members.state(member.id()))));
        for (Map.Entry<String, String> member : accounts.entrySet()) {
            assertThat(members.archivedPostIds(member.getKey())).as("archive of " + member.getKey())
                    .containsExactlyInAnyOrderElementsOf(x.reachableTweetIds(member.getValue()));
        }
        assertThat(postIds(collection)).as("posts of the collection").hasSize(POSTS_EACH).doesNotHaveDuplicates();
    }

    /** The member uploads the X export the sandbox's X builds for {@code username}, as the import page sends it. */
    private static void uploadExport(Member member, String username) throws Exception {
        Path zip = Files.createTempFile(username, ".zip");
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(cluster.balancer().url()
                    + SandboxClients.X_PATH + "/settings/download_your_data/" + username)).build(),
                    HttpResponse.BodyHandlers.ofFile(zip));
            cluster.bean(ExportUploads.class).receive(member.id(), each -> {
                try (InputStream in = Files.newInputStream(zip)) {
                    each.read(username + ".zip", in);
                }
            });
        } finally {
            Files.delete(zip);
        }
    }

    /** An operator's action run on replica {@code replica} of this JVM, as its endpoint runs it. */
    private static void opsAction(int replica, String route) {
        cluster.replicas().get(replica).getBean(ProducerTemplate.class).send(route,
                exchange -> exchange.setProperty(TweetflowExchange.OPS_ACCOUNT, "ops"));
    }

    @Test
    @Order(5)
    void anotherReplicaResumesASyncAndACollectionOfAReplicaKilledMidWork() throws Exception {
        // only the child claims while the work starts: then what its held requests hold is its own
        List<CamelContext> others = cluster.replicas().stream().map(c -> c.getBean(CamelContext.class)).toList();
        for (CamelContext camel : others) {
            camel.getRouteController().stopRoute("claim-queued-syncs");
            camel.getRouteController().stopRoute("claim-queued-collections");
        }
        SandboxFaults faults = cluster.faults();
        SandboxFaults.Hold firstWeeks = faults.hold("GET", "/x/2/users/*/tweets");
        SandboxFaults.Hold firstPage = faults.hold("GET", "/x/2/tweets/search/recent");
        Member vera = members.connect(BEN, XSimulator.VETERAN);
        // her X export too: the run the child dies in is importing it
        uploadExport(vera, "veteran_vera");
        cluster.bean(ArchiveQueue.class).queue(vera.id(), "connected");
        Collection climate = cluster.bean(NewCollections.class).start(vera.id(), "#climate", 300, null);
        assertThat(firstWeeks.awaitTaken()).isTrue();
        assertThat(firstPage.awaitTaken()).isTrue();
        // one answer of each through, the next held: the child is in the middle of both
        SandboxFaults.Hold laterWeeks = faults.hold("GET", "/x/2/users/*/tweets");
        SandboxFaults.Hold secondPage = faults.hold("GET", "/x/2/tweets/search/recent");
        firstWeeks.release();
        firstPage.release();
        assertThat(laterWeeks.awaitTaken()).isTrue();
        assertThat(secondPage.awaitTaken()).isTrue();

        cluster.killChild();
        laterWeeks.release();
        secondPage.release();
        for (CamelContext camel : others) {
            camel.getRouteController().startRoute("claim-queued-syncs");
            camel.getRouteController().startRoute("claim-queued-collections");
        }

        Collections store = cluster.bean(Collections.class);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> "idle".equals(
                members.state(vera.id())) && Collection.COLLECTED.equals(store.find(climate.id()).orElseThrow()
                .state()));
        // every post of the export (X serves 3,167 of its 4,000) once, the import done and its posts read gone
        assertThat(members.archivedPostIds(BEN)).hasSize(4000).doesNotHaveDuplicates()
                .containsAll(cluster.x().reachableTweetIds(XSimulator.VETERAN));
        assertThat(cluster.bean(ArchiveImports.class).status(vera.id())).hasValueSatisfying(
                status -> assertThat(status.state()).isEqualTo(ArchiveImports.DONE));
        try (Stream<Path> files = Files.walk(cluster.imports())) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
        assertThat(cluster.openHumans().completedUploads(BEN)).isEqualTo(1);
        assertThat(store.find(climate.id()).orElseThrow().collected()).isEqualTo(300);
        assertThat(postIds(climate.id())).hasSize(300).doesNotHaveDuplicates();
    }

    /**
     * A replica stopped as Kubernetes stops a pod (SIGTERM, the context closed gracefully) in the middle of a sync and
     * of a collection, each with a call to X held at the sandbox: it makes no further call, uploads the weeks it has
     * and keeps the pages it has, hands both items back at once (no lease left to expire), and a replica started
     * after it finishes both: every post once.
     */
    @Test
    @Order(6)
    void aReplicaStoppedMidWorkSavesWhatItFetchedHandsItBackAndARestartedOneFinishesIt() throws Exception {
        // only the replica to be stopped claims while the work starts, and nobody while it is stopped: the child takes
        // no part (killed by the test before, or now when this one runs alone)
        if (cluster.child().isAlive()) {
            cluster.killChild();
        }
        CamelContext staying = cluster.replicas().get(0).getBean(CamelContext.class);
        staying.getRouteController().stopRoute("claim-queued-syncs");
        staying.getRouteController().stopRoute("claim-queued-collections");
        ConfigurableApplicationContext stopping = cluster.replicas().get(1);
        ShutdownSignal signal = stopping.getBean(ShutdownSignal.class);
        SandboxFaults faults = cluster.faults();
        SandboxFaults.Hold firstWeeks = faults.hold("GET", "/x/2/users/*/tweets");
        SandboxFaults.Hold firstPage = faults.hold("GET", "/x/2/tweets/search/recent");
        Member vera = members.connect(BEN, XSimulator.VETERAN);
        cluster.bean(ArchiveQueue.class).queue(vera.id(), "connected");
        Collection climate = cluster.bean(NewCollections.class).start(vera.id(), "#climate", 300, null);
        assertThat(firstWeeks.awaitTaken()).isTrue();
        assertThat(firstPage.awaitTaken()).isTrue();
        SandboxFaults.Hold laterWeeks = faults.hold("GET", "/x/2/users/*/tweets");
        SandboxFaults.Hold secondPage = faults.hold("GET", "/x/2/tweets/search/recent");
        firstWeeks.release();
        firstPage.release();
        assertThat(laterWeeks.awaitTaken()).isTrue();
        assertThat(secondPage.awaitTaken()).isTrue();
        int timelineCalls = cluster.x().callCount("users/tweets");

        CompletableFuture<Void> stopped = cluster.stopReplica(stopping);
        await().atMost(Duration.ofSeconds(10)).until(signal::stopping);
        laterWeeks.release();
        secondPage.release();
        stopped.get(60, TimeUnit.SECONDS);

        JdbcTemplate jdbc = cluster.bean(JdbcTemplate.class);
        assertThat(jdbc.queryForList("SELECT subject_id, lease_owner, lease_until FROM work_item"))
                .as("both items queued again, their leases given back").hasSize(2)
                .allSatisfy(item -> assertThat(item.get("lease_owner")).isNull())
                .allSatisfy(item -> assertThat(item.get("lease_until")).isNull());
        assertThat(cluster.x().callCount("users/tweets")).as("timeline calls after the stop began: the held one")
                .isEqualTo(timelineCalls + 1);
        Collections store = cluster.bean(Collections.class);
        List<String> savedPosts = members.archivedPostIds(BEN);
        assertThat(savedPosts).as("the weeks fetched before the stop, uploaded").isNotEmpty()
                .isSubsetOf(cluster.x().reachableTweetIds(XSimulator.VETERAN));
        assertThat(cluster.openHumans().completedUploads(BEN)).isEqualTo(1);
        int collected = store.find(climate.id()).orElseThrow().collected();
        assertThat(collected).as("the pages collected before the stop").isPositive().isLessThan(300);
        assertThat(postIds(climate.id())).hasSize(collected);

        // the restarted replica alone finishes both
        cluster.startReplica();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> "idle".equals(
                members.state(vera.id())) && Collection.COLLECTED.equals(store.find(climate.id()).orElseThrow()
                .state()));
        assertThat(members.archivedPostIds(BEN))
                .containsExactlyInAnyOrderElementsOf(cluster.x().reachableTweetIds(XSimulator.VETERAN));
        assertThat(store.find(climate.id()).orElseThrow().collected()).isEqualTo(300);
        assertThat(store.runs(climate.id())).hasSize(1);
        assertThat(postIds(climate.id())).hasSize(300).doesNotHaveDuplicates();
        staying.getRouteController().startRoute("claim-queued-syncs");
        staying.getRouteController().startRoute("claim-queued-collections");
    }

    /**
     * Calls granted in the app token's windows while work waited, against what the limit allowed in them: every
     * window that began after the work was queued, up to the one before the last call's (in the last, the work ran
     * out), empty ones too. A window counts from its start at the sandbox, which rolls it a second after that.
     */
    static double utilisation(SortedMap<Instant, Integer> callsByWindow, Instant queued) {
        long granted = 0;
        long allowed = 0;
        Instant first = callsByWindow.keySet().stream().filter(start -> !start.isBefore(queued)).findFirst()
                .orElseThrow();
        for (Instant window = first; window.isBefore(callsByWindow.lastKey()); window = window.plus(WINDOW)) {
            granted += Math.min(APP_SEARCH_LIMIT, callsByWindow.getOrDefault(window, 0));
            allowed += APP_SEARCH_LIMIT;
        }
        assertThat(allowed / APP_SEARCH_LIMIT).as("windows in which work waited throughout").isGreaterThanOrEqualTo(4);
        return (double) granted / allowed;
    }

    /** The ids of the posts in the collection's raw pages on the shared volume, one line a page. */
    private static List<String> postIds(long collectionId) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path tweets = cluster.bean(CollectionFiles.class).tweets(collectionId);
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(tweets)) {
            json.readTree(line).path("data").forEach(post -> ids.add(post.path("id").asText()));
        }
        return ids;
    }

    private static int replicaOf(List<RoundRobinBalancer.Forwarded> flow, String path) {
        return cluster.replicaOf(flow.stream().filter(request -> request.pathAndQuery().split("\\?")[0].equals(path))
                .findFirst().orElseThrow());
    }

    private static final Pattern LOGGED_AT = Pattern.compile("^(\\S+T\\S+)\\s");

    /** When the child replica logged the scan line (its own output: ISO times first). */
    private static List<Instant> childScanLines() throws Exception {
        List<Instant> at = new ArrayList<>();
        for (String line : Files.readAllLines(cluster.child().log())) {
            Matcher time = LOGGED_AT.matcher(line);
            if (line.contains(SCAN_LINE) && time.find()) {
                at.add(OffsetDateTime.parse(time.group(1)).toInstant());
            }
        }
        return at;
    }

    /** A browser's cookies and redirects, against the balancer's address. */
    static final class Browser {

        private final URI base;
        private final HttpClient http;
        /** Each answer: status, address, and where it redirects. */
        final List<String> way = new ArrayList<>();

        Browser(URI base) {
            this.base = base;
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new CookieManager()).build();
        }

        HttpResponse<String> get(String pathOrUrl) throws Exception {
            return noted(http.send(HttpRequest.newBuilder(base.resolve(pathOrUrl)).header("Accept", "text/html")
                    .GET().build(), HttpResponse.BodyHandlers.ofString()));
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            return noted(http.send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(SandboxHttp.form(form))).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }

        private HttpResponse<String> noted(HttpResponse<String> answer) {
            way.add(answer.statusCode() + " " + answer.request().method() + " " + answer.uri().getPath()
                    + answer.headers().firstValue("Location").map(location -> " -> " + location).orElse(""));
            return answer;
        }

        String location(HttpResponse<?> response) {
            assertThat(response.statusCode()).as(response.uri() + " redirects").isEqualTo(302);
            return base.resolve(response.headers().firstValue("Location").orElseThrow()).toString();
        }

        /** Follows the redirects the service answers with until a page, staying at the balancer's address. */
        HttpResponse<String> followWithinTheService(HttpResponse<String> response) throws Exception {
            HttpResponse<String> current = response;
            for (int hops = 0; current.statusCode() == 302 && hops < 10; hops++) {
                String next = location(current);
                assertThat(next).as("redirected within the public address").startsWith(base.toString());
                current = get(next);
            }
            assertThat(current.statusCode()).as(current.uri() + " answers a page").isEqualTo(200);
            return current;
        }
    }
}
