package org.tweetflow.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tweetflow.MutableClock;
import org.tweetflow.TestPostgres;

/**
 * The replicas' timers fire each scan in every period; one replica runs it. Each "replica" is a ScheduledScans of
 * its own on one real PostgreSQL (14, started by the test).
 */
class ScheduledScansTest {

    static final Duration PERIOD = Duration.ofSeconds(2);
    static final Instant THREE_AM = Instant.parse("2026-12-07T03:00:00Z");

    static DataSource postgres;

    @BeforeAll
    static void database() {
        postgres = TestPostgres.dataSource("scheduled_scans");
        Flyway.configure().dataSource(postgres).locations("classpath:db/migration").load().migrate();
    }

    @BeforeEach
    void noLocks() {
        new JdbcTemplate(postgres).update("DELETE FROM shedlock");
    }

    @Test
    void oneReplicaRunsAScanInAPeriodAndOneRunsItAgainInTheNext() {
        ScheduledScans first = replica();
        ScheduledScans second = replica();

        assertThat(first.lock("archive-scan", PERIOD)).isTrue();
        assertThat(second.lock("archive-scan", PERIOD)).as("same period: the scan ran on the first").isFalse();
        assertThat(first.lock("archive-scan", PERIOD)).isFalse();

        // the next period: whichever timer fires first runs it, once
        await().atMost(PERIOD.multipliedBy(3)).until(() -> second.lock("archive-scan", PERIOD));
        assertThat(first.lock("archive-scan", PERIOD)).isFalse();
    }

    @Test
    void ofManyReplicasFiringAtOnceOneRunsTheScan() throws Exception {
        int replicas = 8;
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        try {
            CyclicBarrier start = new CyclicBarrier(replicas);
            List<Future<Boolean>> fired = new ArrayList<>();
            for (int i = 0; i < replicas; i++) {
                ScheduledScans replica = replica();
                fired.add(pool.submit(() -> {
                    start.await();
                    return replica.lock("repeat-collections", PERIOD);
                }));
            }
            List<Boolean> ran = new ArrayList<>();
            for (Future<Boolean> one : fired) {
                ran.add(one.get());
            }
            assertThat(ran).containsOnlyOnce(true);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void eachScanHasALockOfItsOwn() {
        ScheduledScans first = replica();
        ScheduledScans second = replica();

        assertThat(first.lock("archive-scan", PERIOD)).isTrue();
        assertThat(second.lock("retry-archive-deletions", PERIOD)).isTrue();
    }

    @Test
    void aCronScansPeriodLastsFromItsScheduledFireToTheNextAndASchedulersIsItsDelay() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            assertThat(ScheduledScans.period(camel.getEndpoint("quartz:archive/scan?cron=0+0+3+*+*+?"),
                    fired(camel, THREE_AM, THREE_AM.plus(Duration.ofDays(1))).getMessage()))
                    .isEqualTo(Duration.ofDays(1));
            assertThat(ScheduledScans.period(camel.getEndpoint("scheduler:collect-repeats?delay=1m"),
                    new DefaultExchange(camel).getMessage())).isEqualTo(Duration.ofMinutes(1));
            // a delay Camel cannot read is its default, 500 ms, and so is the period the scheduler polls at
            assertThat(ScheduledScans.period(camel.getEndpoint("scheduler:archive-deletions?delay=PT2S"),
                    new DefaultExchange(camel).getMessage())).isEqualTo(Duration.ofMillis(500));
        }
    }

    @Test
    void aDailyScanFiredAMillisecondEarlyRunsOnOneReplicaOnly() throws Exception {
        // Quartz fires a little before the scheduled time: the clock still reads the day before
        MutableClock early = new MutableClock(THREE_AM.minusMillis(2));
        ScheduledScans first = new ScheduledScans(new JdbcTemplate(postgres), early);
        ScheduledScans second = new ScheduledScans(new JdbcTemplate(postgres), early);
        try (CamelContext camel = new DefaultCamelContext()) {
            Exchange daily = fired(camel, THREE_AM, THREE_AM.plus(Duration.ofDays(1)));

            assertThat(first.runsHere(daily)).isTrue();
            Thread.sleep(10);
            assertThat(second.runsHere(daily)).as("the same day's scan, fired on another replica").isFalse();
        }
    }

    /** What camel-quartz's consumer hands the archive-scan route when the cron fires. */
    private static Exchange fired(CamelContext camel, Instant scheduled, Instant next) {
        Endpoint timer = camel.getEndpoint("quartz:archive/scan?cron=0+0+3+*+*+?");
        Exchange exchange = timer.createExchange();
        exchange.getExchangeExtension().setFromEndpoint(timer);
        exchange.getExchangeExtension().setFromRouteId("archive-scan");
        exchange.getMessage().setHeader(ScheduledScans.SCHEDULED_FIRE_TIME, Date.from(scheduled));
        exchange.getMessage().setHeader(ScheduledScans.NEXT_FIRE_TIME, Date.from(next));
        return exchange;
    }

    private static ScheduledScans replica() {
        return new ScheduledScans(new JdbcTemplate(postgres), Clock.systemUTC());
    }
}
