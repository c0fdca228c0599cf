package org.tweetflow.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.tweetflow.MutableClock;
import org.tweetflow.config.ScrapeSnapshot;

/** Pauses stored by two replicas at once: the usage cap met by two calls in the same instant. */
class RatePausesTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final Instant MONTH_END = Instant.parse("2026-12-01T00:00:00Z");

    DriverManagerDataSource dataSource;
    JdbcTemplate database;
    RatePauses pauses;
    final MockClock registryClock = new MockClock();
    final MeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, registryClock);

    @BeforeEach
    void createDatabase() {
        dataSource = new DriverManagerDataSource("jdbc:h2:mem:pauses-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1",
                "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        database = new JdbcTemplate(dataSource);
        pauses = new RatePauses(database);
    }

    @Test
    void theGaugeSaysHowLongTheLongestPauseInForceStillHolds() {
        MutableClock clock = new MutableClock(NOW);
        new RatePauseGauge(pauses, clock, registry);
        assertThat(gauge("tweetflow.fetch.paused")).as("no pause").isZero();

        pauses.pause("users/tweets", NOW.plusSeconds(600), "X's monthly usage cap is reached");
        pauses.pause("tweets/search/recent", NOW.plusSeconds(60), "X's monthly usage cap is reached");
        nextScrape();
        assertThat(gauge("tweetflow.fetch.paused")).isEqualTo(600);

        clock.set(NOW.plusSeconds(601));
        nextScrape();
        assertThat(gauge("tweetflow.fetch.paused")).as("every pause over").isZero();
    }

    @Test
    void theOperatorsPauseIsHeldNotCountedAsTimeLeft() {
        new RatePauseGauge(pauses, new MutableClock(NOW), registry);
        assertThat(gauge("tweetflow.fetch.held")).isZero();

        pauses.pause(RatePauses.EVERY_CALL, RatePauses.UNTIL_RESUMED, "paused by ops");
        nextScrape();

        assertThat(gauge("tweetflow.fetch.held")).isEqualTo(1);
        assertThat(gauge("tweetflow.fetch.paused")).isZero();
    }

    @Test
    void bothGaugesOfOneScrapeShareOneQueryAndTheNextScrapeQueriesAgain() {
        new RatePauseGauge(pauses, new MutableClock(NOW), registry);
        pauses.pause("users/tweets", NOW.plusSeconds(600), "X's monthly usage cap is reached");
        nextScrape();
        assertThat(gauge("tweetflow.fetch.paused")).isEqualTo(600);

        pauses.pause(RatePauses.EVERY_CALL, RatePauses.UNTIL_RESUMED, "paused by ops");
        assertThat(gauge("tweetflow.fetch.held")).as("the same scrape, read by the first gauge").isZero();

        nextScrape();
        assertThat(gauge("tweetflow.fetch.held")).as("the next scrape").isEqualTo(1);
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    private void nextScrape() {
        registryClock.add(ScrapeSnapshot.KEPT);
    }

    @Test
    void aPauseStoredByAnotherReplicaWhileOursIsInsertedIsExtendedNotAnError() throws Exception {
        try (Connection otherReplica = dataSource.getConnection()) {
            otherReplica.setAutoCommit(false);
            insertPause(otherReplica, NOW.plusSeconds(60));

            // Our NOT EXISTS does not see the other replica's uncommitted row: our insert waits on the key until
            // that commits, then breaks it.
            CompletableFuture<Void> ours = CompletableFuture.runAsync(
                    () -> pauses.pause("users/tweets", MONTH_END, "X's monthly usage cap is reached"));
            await().atMost(Duration.ofSeconds(10)).until(this::ourInsertWaitsOnTheKey);
            otherReplica.commit();

            ours.get(10, TimeUnit.SECONDS);
        }

        assertThat(pauses.inForce(NOW)).hasEntrySatisfying("users/tweets", pause -> {
            assertThat(pause.until()).as("the longer pause holds").isEqualTo(MONTH_END);
            assertThat(pause.reason()).isEqualTo("X's monthly usage cap is reached");
        });
    }

    @Test
    void theLongerOfTwoConcurrentPausesHolds() throws Exception {
        CompletableFuture<Void> first = CompletableFuture.runAsync(
                () -> pauses.pause("users/tweets", MONTH_END, "monthly usage cap"));
        CompletableFuture<Void> second = CompletableFuture.runAsync(
                () -> pauses.pause("users/tweets", NOW.plusSeconds(60), "monthly usage cap"));

        CompletableFuture.allOf(first, second).get(10, TimeUnit.SECONDS);

        assertThat(pauses.inForce(NOW)).hasEntrySatisfying("users/tweets",
                pause -> assertThat(pause.until()).isEqualTo(MONTH_END));
    }

    private static void insertPause(Connection connection, Instant until) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO fetch_pause (kind, paused_until, reason) VALUES ('users/tweets', ?, 'usage cap')")) {
            insert.setTimestamp(1, Timestamp.from(until));
            insert.executeUpdate();
        }
    }

    /** Our INSERT passed its NOT EXISTS and wrote its row (uncommitted): it now waits for the other replica's. */
    private boolean ourInsertWaitsOnTheKey() {
        Integer waiting = database.queryForObject("""
                SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS
                WHERE EXECUTING_STATEMENT LIKE 'INSERT INTO fetch_pause%' AND CONTAINS_UNCOMMITTED""", Integer.class);
        return waiting != null && waiting > 0;
    }
}
