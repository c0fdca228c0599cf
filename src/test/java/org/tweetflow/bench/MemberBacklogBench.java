package org.tweetflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tweetflow.archive.ArchiveQueue;
import org.tweetflow.cluster.Cluster;
import org.tweetflow.cluster.ClusterMembers;
import org.tweetflow.member.Member;
import org.tweetflow.sandbox.x.XSimulator;

/**
 * A backlog of members against the largest of them alone, on three replicas sharing PostgreSQL and Redis
 * ({@link Cluster}), each member's timeline limited per window as X limits it (per user): the backlog should take
 * about as long as its largest member, since members' windows are their own and the replicas' workers take them
 * side by side. Times run from queuing to the last member's archive uploaded.
 */
@Tag("bench")
class MemberBacklogBench {

    static final Duration WINDOW = Duration.ofSeconds(5);
    static final int TIMELINE_LIMIT = 8;
    /** The backlog's time may exceed the largest member's alone by this factor. */
    static final double TARGET = 1.25;
    /** The largest first: @veteran_vera, 32 timeline calls (docs/benchmarks.md, timeline calls per archived post). */
    static final Map<String, String> BACKLOG = backlog();

    private static Map<String, String> backlog() {
        Map<String, String> members = new LinkedHashMap<>();
        members.put("10000002", XSimulator.VETERAN);
        members.put("10000001", XSimulator.SANDY);
        members.put("10000003", XSimulator.SAM);
        return members;
    }

    @Test
    void aBacklogOfMembersTakesAboutAsLongAsItsLargestAlone() throws Exception {
        Map<String, String> simulation = Map.of("tweetflow.simulation.window", "PT" + WINDOW.toSeconds() + "S",
                "tweetflow.simulation.timeline-limit", Integer.toString(TIMELINE_LIMIT));
        Map<String, String> settings = Map.of("tweetflow.archive.poll-interval", "PT0.2S");
        try (Cluster cluster = Cluster.start("member_backlog_bench", 3, false, simulation, settings)) {
            ClusterMembers members = new ClusterMembers(cluster);
            Map.Entry<String, String> largest = BACKLOG.entrySet().iterator().next();

            Duration alone = synced(cluster, members, Map.of(largest.getKey(), largest.getValue()));
            forget(cluster);
            Duration backlog = synced(cluster, members, BACKLOG);

            double ratio = backlog.toMillis() / (double) alone.toMillis();
            StringBuilder md = new StringBuilder("## Member backlog on three replicas\n\n");
            md.append(String.format("Three replicas in one JVM sharing PostgreSQL and Redis; the sandbox limits each "
                    + "member's timeline to %d calls per %d-second window. Times from queuing to the last archive "
                    + "uploaded.%n%n| figure | value |%n|---|--:|%n", TIMELINE_LIMIT, WINDOW.toSeconds()));
            BenchReport.row(md, "@veteran_vera alone (32 timeline calls)", String.format("%.1f s",
                    alone.toMillis() / 1000.0));
            BenchReport.row(md, "backlog: @veteran_vera, @sandy_archivist (32 calls each), @small_sam",
                    String.format("%.1f s", backlog.toMillis() / 1000.0));
            BenchReport.row(md, "backlog / largest alone", String.format("%.2f (target ≤ %.2f: %s)", ratio, TARGET,
                    BenchReport.verdict(ratio <= TARGET)));
            BenchReport.section("06-member-backlog", md.toString());
        }
    }

    /** Queues the members' first syncs and waits until each is idle with its archive uploaded. */
    private static Duration synced(Cluster cluster, ClusterMembers members, Map<String, String> accounts) {
        List<Member> connected = accounts.entrySet().stream()
                .map(member -> members.connect(member.getKey(), member.getValue())).toList();
        ArchiveQueue queue = cluster.bean(ArchiveQueue.class);
        long started = System.nanoTime();
        connected.forEach(member -> queue.queue(member.id(), "connected"));
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100)).until(() -> connected.stream()
                .allMatch(member -> "idle".equals(members.state(member.id()))));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(cluster.x().refusedCalls()).as("429s at the sandbox").isZero();
        return took;
    }

    private static void forget(Cluster cluster) throws InterruptedException {
        JdbcTemplate jdbc = cluster.bean(JdbcTemplate.class);
        jdbc.update("DELETE FROM work_item");
        jdbc.update("DELETE FROM member");
        cluster.openHumans().clearFiles();
        // the backlog starts with every member's window fresh, not in the one the first sync left spent
        Thread.sleep(WINDOW.plusSeconds(1).toMillis());
    }
}
