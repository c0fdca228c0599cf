package org.tweetflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tweetflow.archive.ArchiveQueue;
import org.tweetflow.archive.ArchiveWorkers;
import org.tweetflow.archive.ConnectedMembers;
import org.tweetflow.archive.SyncOutcome;
import org.tweetflow.collect.Collection;
import org.tweetflow.collect.CollectWorkers;
import org.tweetflow.collect.CollectionFiles;
import org.tweetflow.collect.NewCollections;
import org.tweetflow.member.Member;
import org.tweetflow.ratelimit.RatePauses;
import org.tweetflow.sandbox.SandboxFaults;
import org.tweetflow.sandbox.SandboxFaults.Fault;
import org.tweetflow.sandbox.x.XSimulator;

/**
 * docs/operations.md "Metrics", end to end: after a sandbox sync (its tokens refreshed first), a collection with its
 * summaries, and a sync a 429 stopped, every metric the table documents is in Prometheus's scrape with a value
 * above zero, and so are Camel's per-route meters, tagged with the route id.
 */
@TweetflowTest
class PrometheusMetricsTest {

    /** One sample of the scrape: its name, its labels, its value. */
    static final Pattern SAMPLE = Pattern.compile("^(\\w+)(\\{[^}]*})? (\\S+)", Pattern.MULTILINE);

    @Autowired
    ProducerTemplate camel;
    @Autowired
    ConnectedMembers members;
    @Autowired
    ArchiveQueue archiveQueue;
    @Autowired
    ArchiveWorkers archiveWorkers;
    @Autowired
    CollectWorkers collectWorkers;
    @Autowired
    NewCollections newCollections;
    @Autowired
    CollectionFiles files;
    @Autowired
    SandboxFaults faults;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @LocalManagementPort
    int managementPort;

    final List<Long> collections = new ArrayList<>();
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void forget() {
        faults.clear();
        collections.forEach(files::delete);
        jdbc.update("DELETE FROM collection");
        // the members, their work, the pauses and their archives on the sandbox's Open Humans
        members.forgetAll();
    }

    @Test
    void aSyncAndACollectionShowInEveryDocumentedMetricAndInCamelsPerRouteMeters() throws Exception {
        Instant now = clock.instant();
        // tokens issued two hours ago, a minute before they expire: the sync refreshes them first
        Member ada = members.connect("10000001", XSimulator.SAM, now.minus(Duration.ofHours(2)).plusSeconds(60));
        archiveQueue.queue(ada.id(), "connected");
        archiveWorkers.claim().forEach(item -> camel.sendBody("seda:archive-syncs", item));
        await().atMost(Duration.ofSeconds(60)).until(() -> queued() == 0);

        Collection collection = newCollections.start(ada.id(), "#openscience OR #archives", 100, null);
        collections.add(collection.id());
        collectWorkers.claim().forEach(item -> camel.sendBody("seda:collections", item));
        await().atMost(Duration.ofSeconds(60)).until(() -> queued() == 0);

        // a 429 stops another member's sync; the next one is held back by the budget until the window's reset
        Member ben = members.connect("10000002", XSimulator.SANDY, now);
        faults.inject(Fault.status("GET", "/x/2/users/*/tweets", 429, "{\"title\":\"Too Many Requests\"}"));
        assertThat(camel.requestBody("direct:archive-member", ben.id(), SyncOutcome.class).kind())
                .isEqualTo(SyncOutcome.Kind.COOLING_DOWN);
        assertThat(camel.requestBody("direct:archive-member", ben.id(), SyncOutcome.class).kind())
                .isEqualTo(SyncOutcome.Kind.COOLING_DOWN);
        // an item due a minute ago that no worker took (this context claims only when a test says so), and a pause
        jdbc.update("INSERT INTO work_item (kind, subject_id, reason, not_before, queued_at) VALUES (?, ?, ?, ?, ?)",
                ArchiveQueue.KIND, ben.id(), "stale", Timestamp.from(now.minusSeconds(60)),
                Timestamp.from(now.minusSeconds(60)));
        jdbc.update("INSERT INTO fetch_pause (kind, paused_until, reason) VALUES ('metrics-test', ?, 'a test')",
                Timestamp.from(now.plusSeconds(3600)));
        jdbc.update("INSERT INTO fetch_pause (kind, paused_until, reason) VALUES (?, ?, 'a test')",
                RatePauses.EVERY_CALL, Timestamp.from(RatePauses.UNTIL_RESUMED));

        HttpResponse<String> scraped = scrape(OpsAccount.basicAuth());
        assertThat(scraped.statusCode()).isEqualTo(200);
        String scrape = scraped.body();

        Set<String> documented = MetricsTable.documented();
        assertThat(documented).as("the table of docs/operations.md").hasSizeGreaterThan(10);
        for (String metric : documented) {
            // ours each moved by what ran above; Camel's are there for every route, failures or not
            assertThat(samples(scrape, metric)).as(metric).isNotEmpty().anySatisfy(sample -> assertThat(
                    metric.startsWith("camel_") || Double.parseDouble(sample.value()) > 0).as(sample.toString())
                    .isTrue());
        }
        assertThat(samples(scrape, "camel_exchanges_total")).as("Camel's meters, per route")
                .anySatisfy(sample -> {
                    assertThat(sample.labels()).contains("routeId=\"archive-member\"");
                    assertThat(Double.parseDouble(sample.value())).isPositive();
                });
    }

    @Test
    void theScrapeAsksForTheOpsAccount() throws Exception {
        assertThat(scrape(null).statusCode()).isEqualTo(401);
    }

    /** Prometheus's scrape of the management port, as Prometheus sends it (HTTP Basic), or without credentials. */
    private HttpResponse<String> scrape(String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + managementPort + "/actuator/prometheus"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private int queued() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM work_item", Integer.class);
    }

    /** The samples of a metric: a counter's or gauge's by its name, a timer's by its count. */
    static List<Sample> samples(String scrape, String metric) {
        List<Sample> samples = new ArrayList<>();
        Matcher matcher = SAMPLE.matcher(scrape);
        while (matcher.find()) {
            if (matcher.group(1).equals(metric) || matcher.group(1).equals(metric + "_count")) {
                samples.add(new Sample(matcher.group(1), matcher.group(2) == null ? "" : matcher.group(2),
                        matcher.group(3)));
            }
        }
        return samples;
    }

    record Sample(String name, String labels, String value) {
    }
}
