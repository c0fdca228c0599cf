package org.tweetflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.tweetflow.TweetflowTest;
import org.tweetflow.collect.Collection;
import org.tweetflow.collect.NewCollections;
import org.tweetflow.member.Member;
import org.tweetflow.member.Members;
import org.tweetflow.sandbox.x.XSimulator;
import org.tweetflow.web.HttpBrowser;

/**
 * The member's pages under load: 100 browsers, each signed in through the sandbox's Open Humans with a session of
 * its own, ask for the dashboard, its state JSON (what the page polls every 3 s) and the collection list in turn,
 * one request a second each, while members' first syncs (one of a long archive) and a researcher's collection run
 * against the sandbox (its answers slowed to keep them running). A request's latency runs from when it was due, so
 * a slow answer that delays the browser's next request counts against that one too. The service runs as a single
 * machine (Tomcat's sessions, the embedded database) on a port of its own; the browsers run in the same JVM.
 */
@Tag("bench")
@TweetflowTest
@TestPropertySource(properties = {"tweetflow.archive.claim-queued=true", "tweetflow.collect.claim-queued=true",
        "tweetflow.archive.poll-interval=PT0.2S", "tweetflow.collect.poll-interval=PT0.2S",
        // 6 s an answer keeps the syncs (32 timeline calls) and the collection (15 pages) running throughout
        "tweetflow.simulation.latency=PT6S", "tweetflow.simulation.window=PT15M",
        "tweetflow.simulation.timeline-limit=100000", "tweetflow.simulation.search-limit=100000"})
class DashboardLoadBench {

    static final int CLIENTS = Integer.getInteger("bench.dashboard-clients", 100);
    /**
     * Rounds of the three pages each browser asks for, without pause, before the measured ones: enough for the JIT to
     * be done with the pages (with 5 paced rounds its compiler threads still took 40 % of the JVM's CPU after them).
     */
    static final int WARM_UP_ROUNDS = Integer.getInteger("bench.dashboard-warm-up", 20);
    static final int ROUNDS = Integer.getInteger("bench.dashboard-rounds", 20);
    /** A browser's requests are this far apart; 0 asks without pause (the service's throughput, not a browser's). */
    static final Duration INTERVAL = Duration.parse(System.getProperty("bench.dashboard-interval", "PT1S"));
    static final long TARGET_P99_MILLIS = 50;

    /** The demo members: Open Humans id, X account. */
    static final String SYNCING = "10000002";
    static final String RESEARCHER = "10000003";
    static final Map<String, String> ACCOUNTS = Map.of("10000001", XSimulator.SANDY, SYNCING, XSimulator.VETERAN,
            RESEARCHER, XSimulator.SAM);

    enum Page {
        DASHBOARD("dashboard page", "GET /dashboard"),
        STATE("its state JSON", "GET /api/members/{id}/state"),
        COLLECTIONS("collection list", "GET /collections");

        final String name;
        final String request;

        Page(String name, String request) {
            this.name = name;
            this.request = request;
        }
    }

    /** One browser: its session and the member it is signed in as. */
    record Client(HttpBrowser browser, Member member) {
    }

    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    NewCollections newCollections;
    @Autowired
    JdbcTemplate jdbc;

    private final Map<Page, Recorder> latencies = new LinkedHashMap<>();
    private final Map<Page, AtomicLong> errors = new LinkedHashMap<>();
    private final List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());

    @Test
    void dashboardStateAndCollectionsAtHundredConcurrentClientsWhileASyncAndACollectionRun() throws Exception {
        for (Page page : Page.values()) {
            latencies.put(page, new Recorder(3));
            errors.put(page, new AtomicLong());
        }
        HttpClient http = HttpBrowser.client();
        URI base = URI.create("http://localhost:" + port);
        for (Map.Entry<String, String> account : ACCOUNTS.entrySet()) {
            HttpBrowser first = new HttpBrowser(http, base);
            first.signIn(account.getKey());
            first.connectX(account.getValue());
        }
        Member syncing = members.findByProjectMemberId(SYNCING).orElseThrow();
        List<Client> clients = new ArrayList<>();
        List<String> ids = List.copyOf(ACCOUNTS.keySet());
        for (int i = 0; i < CLIENTS; i++) {
            HttpBrowser browser = new HttpBrowser(http, base);
            String member = ids.get(i % ids.size());
            assertThat(browser.signIn(member)).endsWith("/dashboard");
            clients.add(new Client(browser, members.findByProjectMemberId(member).orElseThrow()));
        }

        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
        try {
            run(threads, clients, WARM_UP_ROUNDS, Duration.ZERO);
            // started after the warm-up: it runs for 15 of the sandbox's slowed answers, the length of the measurement
            Member researcher = members.findByProjectMemberId(RESEARCHER).orElseThrow();
            Collection collection = newCollections.start(researcher.id(),
                    "#climate OR #opendata OR #openscience OR #archives", 5000, null);
            await().atMost(Duration.ofMinutes(1)).until(() -> "syncing".equals(syncState(syncing))
                    && Collection.COLLECTING.equals(collectionState(collection)));
            for (Recorder recorder : latencies.values()) {
                recorder.reset();
            }
            errors.values().forEach(count -> count.set(0));
            firstErrors.clear();

            String loadBefore = loadAverage();
            String syncBefore = syncProgress(syncing);
            String collectionBefore = collectionProgress(collection);
            long started = System.nanoTime();
            long cpuBefore = processCpuNanos();
            run(threads, clients, ROUNDS, INTERVAL);
            long cpu = processCpuNanos() - cpuBefore;
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            String syncAfter = syncProgress(syncing);
            String collectionAfter = collectionProgress(collection);

            Map<Page, Histogram> measured = new LinkedHashMap<>();
            latencies.forEach((page, recorder) -> measured.put(page, recorder.getIntervalHistogram()));
            BenchReport.section("07-dashboard-load", report(measured, took, cpu, loadBefore, loadAverage(),
                    syncBefore + " → " + syncAfter, collectionBefore + " → " + collectionAfter));
            assertThat(measured.values()).as("every request was measured")
                    .allSatisfy(h -> assertThat(h.getTotalCount()).isEqualTo((long) CLIENTS * ROUNDS));
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Every browser asks for the three pages {@code rounds} times, each request {@code pace} after the one before was
     * due, the browsers' first ones spread over one interval.
     */
    private void run(ExecutorService threads, List<Client> clients, int rounds, Duration pace) throws Exception {
        long start = System.nanoTime();
        long interval = pace.toNanos();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            Client client = clients.get(i);
            long first = start + interval * i / clients.size();
            done.add(threads.submit(() -> {
                long due = first;
                for (int round = 0; round < rounds; round++) {
                    ask(client, Page.DASHBOARD, "/dashboard", "text/html", due);
                    due = next(due, interval);
                    ask(client, Page.STATE, "/api/members/" + client.member().id() + "/state", "application/json",
                            due);
                    due = next(due, interval);
                    ask(client, Page.COLLECTIONS, "/collections", "text/html", due);
                    due = next(due, interval);
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
    }

    /** When the next request is due: an interval after this one was, or now when the browser asks without pause. */
    private static long next(long due, long interval) {
        return interval == 0 ? System.nanoTime() : due + interval;
    }

    /** Sends the request when it is due (at once if that has passed) and records its latency from then. */
    private void ask(Client client, Page page, String path, String accept, long due) throws InterruptedException {
        long wait = due - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        long started = Math.min(due, System.nanoTime());
        try {
            HttpResponse<String> answer = client.browser().get(path, accept);
            latencies.get(page).recordValue(System.nanoTime() - started);
            if (answer.statusCode() / 100 != 2) {
                error(page, path + " answered " + answer.statusCode());
            }
        } catch (Exception failed) {
            latencies.get(page).recordValue(System.nanoTime() - started);
            error(page, path + ": " + failed);
        }
    }

    private void error(Page page, String what) {
        errors.get(page).incrementAndGet();
        if (firstErrors.size() < 5) {
            firstErrors.add(what);
        }
    }

    private String report(Map<Page, Histogram> measured, Duration took, long cpu, String loadBefore, String loadAfter,
            String sync, String collecting) {
        long requests = measured.values().stream().mapToLong(Histogram::getTotalCount).sum();
        long errorCount = errors.values().stream().mapToLong(AtomicLong::get).sum();
        boolean met = errorCount == 0 && measured.values().stream()
                .allMatch(h -> h.getValueAtPercentile(99) < TARGET_P99_MILLIS * 1_000_000);
        StringBuilder md = new StringBuilder("## Dashboard under load\n\n");
        md.append(String.format("%d browsers, each signed in (a session of its own, as one of %d members), ask for "
                + "the three pages in turn, %s, %d rounds each after %d rounds without pause to warm up, while the "
                + "members' first syncs (@veteran_vera's archive from 2010) and a search collection run (the sandbox "
                + "answers after 6 s). Latency from when a request was due. Single machine: Tomcat's sessions, the "
                + "embedded database; the browsers in the same JVM.%n%n", CLIENTS, ACCOUNTS.size(), INTERVAL.isZero()
                        ? "without pause" : "one request every " + INTERVAL.toMillis() + " ms each", ROUNDS,
                WARM_UP_ROUNDS));
        md.append("| page | requests | p50 | p99 | max | errors |\n|---|--:|--:|--:|--:|--:|\n");
        measured.forEach((page, h) -> md.append(String.format("| %s (`%s`) | %,d | %s | %s | %s | %d |%n", page.name,
                page.request, h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(99)),
                ms(h.getMaxValue()), errors.get(page).get())));
        md.append('\n');
        BenchReport.row(md.append("| figure | value |\n|---|--:|\n"), "requests, time",
                String.format("%,d in %.1f s: %,.0f requests/s", requests, took.toMillis() / 1000.0,
                        requests / (took.toNanos() / 1e9)));
        // what the load average cannot spoil: the CPU time each request costs (the browsers' side and the syncs too)
        BenchReport.row(md, "CPU time of the JVM a request (service, browsers, syncs, collection, JIT, GC)",
                String.format("%.1f ms", cpu / 1e6 / requests));
        BenchReport.row(md, "load average (1, 5, 15 min) before / after", loadBefore + " / " + loadAfter);
        BenchReport.row(md, "the sync during the measurement", sync);
        BenchReport.row(md, "the collection during the measurement", collecting);
        BenchReport.row(md, "target", String.format("p99 < %d ms on every page, no error: %s", TARGET_P99_MILLIS,
                BenchReport.verdict(met)));
        if (!firstErrors.isEmpty()) {
            md.append("\nFirst errors: ").append(String.join("; ", firstErrors)).append('\n');
        }
        return md.toString();
    }

    private static String ms(long nanos) {
        return String.format("%.1f ms", nanos / 1e6);
    }

    private String syncState(Member member) {
        return jdbc.queryForList("SELECT state FROM archive_state WHERE member_id = ?", String.class, member.id())
                .stream().findFirst().orElse(null);
    }

    private String syncProgress(Member member) {
        return jdbc.queryForList("SELECT state || ' week ' || COALESCE(week_index, 0) || ' of ' "
                + "|| COALESCE(week_count, 0) FROM archive_state WHERE member_id = ?", String.class, member.id())
                .stream().findFirst().orElse("none");
    }

    private String collectionState(Collection collection) {
        return jdbc.queryForObject("SELECT state FROM collection WHERE id = ?", String.class, collection.id());
    }

    private String collectionProgress(Collection collection) {
        return jdbc.queryForObject("SELECT state || ', ' || collected || ' posts' FROM collection WHERE id = ?",
                String.class, collection.id());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String loadAverage() throws Exception {
        return String.join(", ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
    }
}
