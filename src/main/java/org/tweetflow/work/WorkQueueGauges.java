package org.tweetflow.work;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.tweetflow.config.ScrapeSnapshot;

/**
 * The work queue as an operator watches it: per kind of work, how many items are due (waiting for a worker), waiting
 * for later (a cooldown, a retry), or running; and how long the oldest due item has waited. One query of
 * {@code work_item} per scrape, whichever replica is scraped: the queue is shared.
 */
@Component
public class WorkQueueGauges {

    private static final String COUNTS = """
            SELECT kind,
              SUM(CASE WHEN lease_until >= ? THEN 1 ELSE 0 END),
              SUM(CASE WHEN (lease_until IS NULL OR lease_until < ?) AND not_before <= ? THEN 1 ELSE 0 END),
              SUM(CASE WHEN (lease_until IS NULL OR lease_until < ?) AND not_before > ? THEN 1 ELSE 0 END),
              MIN(CASE WHEN (lease_until IS NULL OR lease_until < ?) AND not_before <= ? THEN not_before END)
            FROM work_item GROUP BY kind""";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final MeterRegistry registry;
    private final ScrapeSnapshot<Snapshot> snapshot;

    public WorkQueueGauges(JdbcTemplate jdbc, Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.registry = registry;
        this.snapshot = new ScrapeSnapshot<>(this::read, registry.config().clock());
    }

    /** Registers the gauges of one kind of work (the jobs' workers each watch their own). */
    public void watch(String kind) {
        depth(kind, "due", Queue::due);
        depth(kind, "later", Queue::later);
        depth(kind, "running", Queue::running);
        Gauge.builder("tweetflow.queue.oldest.age", () -> snapshot.get().oldestDueAge(kind)).baseUnit("seconds")
                .description("How long the oldest due item of the work queue has waited for a worker")
                .tag("kind", kind).register(registry);
    }

    private void depth(String kind, String state, ToLongFunction<Queue> count) {
        Gauge.builder("tweetflow.queue.depth", () -> count.applyAsLong(snapshot.get().of(kind)))
                .description("Items of the work queue: due (waiting for a worker), later (a cooldown or a retry), "
                        + "running (leased)")
                .tag("kind", kind).tag("state", state).register(registry);
    }

    private Snapshot read() {
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        Map<String, Queue> queues = new HashMap<>();
        jdbc.query(COUNTS, rs -> {
            Timestamp oldest = rs.getTimestamp(5);
            queues.put(rs.getString(1), new Queue(rs.getLong(3), rs.getLong(4), rs.getLong(2),
                    oldest == null ? null : oldest.toInstant()));
        }, at, at, at, at, at, at, at);
        return new Snapshot(now, queues);
    }

    /** @param oldestDue when the oldest due item became due; null when none is */
    record Queue(long due, long later, long running, Instant oldestDue) {
        static final Queue EMPTY = new Queue(0, 0, 0, null);
    }

    record Snapshot(Instant at, Map<String, Queue> queues) {

        Queue of(String kind) {
            return queues.getOrDefault(kind, Queue.EMPTY);
        }

        double oldestDueAge(String kind) {
            Instant oldest = of(kind).oldestDue();
            return oldest == null ? 0 : Math.max(0, Duration.between(oldest, at).toMillis() / 1000.0);
        }
    }
}
