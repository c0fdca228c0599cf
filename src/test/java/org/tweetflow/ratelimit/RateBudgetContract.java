package org.tweetflow.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.tweetflow.MutableClock;

/**
 * The rules every {@link RateBudget} keeps, in memory or on Redis: each implementation's test extends this class and
 * says how a budget is started on its store.
 */
abstract class RateBudgetContract {

    /** The service's schema on an embedded database: where pauses are kept. */
    static JdbcTemplate database;
    /** Counts the database connections taken: a query per call would show here. */
    static CountingDataSource connections;

    static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    static final BudgetKey SAM_TIMELINE = new BudgetKey("users/tweets", "member-7");
    /** The longest a call may go unanswered with its redeliveries: (10 s + 30 s) × 6, the defaults. */
    static final Duration PROBE_HOLD = Duration.ofSeconds(240);

    final MutableClock clock = new MutableClock(START);
    RateBudget budget;

    /**
     * A budget started now on the test's store and database: a single machine after a restart, or in distributed
     * mode another replica (or the same one restarted).
     */
    abstract RateBudget started();

    @BeforeAll
    static void createDatabase() {
        var dataSource = new DriverManagerDataSource("jdbc:h2:mem:budget-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        connections = new CountingDataSource(dataSource);
        database = new JdbcTemplate(connections);
    }

    @BeforeEach
    void start() {
        budget = started();
    }

    @AfterEach
    void forgetPauses() {
        database.update("DELETE FROM fetch_pause");
    }

    @Test
    void allowsOnlyOneProbeUntilAnAnswerTellsTheLimit() {
        assertThat(budget.tryAcquire(SAM_TIMELINE).granted()).isTrue();
        assertThat(budget.tryAcquire(SAM_TIMELINE).granted()).isFalse();

        budget.observe(SAM_TIMELINE, new RateLimitHeaders(900, 899, START.plusSeconds(900)));

        assertThat(budget.tryAcquire(SAM_TIMELINE).granted()).isTrue();
    }

    @Test
    void whileTheProbeIsOutAnotherCallerIsAskedBackInSecondsNotAtAGuessedWindowsEnd() {
        budget.tryAcquire(SAM_TIMELINE);

        Permit second = budget.tryAcquire(SAM_TIMELINE);

        assertThat(second.granted()).isFalse();
        assertThat(second.retryAt()).isEqualTo(START.plus(RateBudget.PROBE_ANSWER_WAIT));
    }

    @Test
    void aProbeAnsweredWith429WithoutHeadersStillWaitsForTheAssumedReset() {
        budget.tryAcquire(SAM_TIMELINE);
        budget.observe(SAM_TIMELINE, RateLimitHeaders.spentUntil(START.plusSeconds(600)));

        assertThat(budget.tryAcquire(SAM_TIMELINE).retryAt()).isEqualTo(START.plusSeconds(600));
    }

    @Test
    void spendsExactlyTheRemainingCallsThenNamesTheReset() {
        Instant reset = START.plusSeconds(600);
        budget.tryAcquire(SAM_TIMELINE);
        budget.observe(SAM_TIMELINE, new RateLimitHeaders(15, 3, reset));

        int granted = grantedOf(10);

        assertThat(granted).isEqualTo(3);
        Permit spent = budget.tryAcquire(SAM_TIMELINE);
        assertThat(spent.retryAt()).isEqualTo(reset);
        assertThat(spent.paused()).as("a spent window is no pause").isFalse();
    }

    @Test
    void theWholeLimitIsAvailableAgainAfterTheReset() {
        budget.tryAcquire(SAM_TIMELINE);
        budget.observe(SAM_TIMELINE, new RateLimitHeaders(2, 0, START.plusSeconds(60)));

        clock.set(START.plusSeconds(61));

        assertThat(budget.tryAcquire(SAM_TIMELINE).granted()).isTrue();
        assertThat(budget.tryAcquire(SAM_TIMELINE).granted()).isTrue();
        assertThat(budget.tryAcquire(SAM_TIMELINE).granted()).isFalse();
    }

    @Test
    void theNextWindowEndsWhenTheProviderSaysNotWhenTheDefaultGuessWould() {
        budget.tryAcquire(SAM_TIMELINE);
        budget.observe(SAM_TIMELINE, new RateLimitHeaders(2, 0, START.plusSeconds(60)));
        clock.set(START.plusSeconds(61));
        budget.tryAcquire(SAM_TIMELINE);
        budget.observe(SAM_TIMELINE, new RateLimitHeaders(2, 1, START.plusSeconds(120)));
        budget.tryAcquire(SAM_TIMELINE);

        assertThat(budget.tryAcquire(SAM_TIMELINE).retryAt()).isEqualTo(START.plusSeconds(120));
    }

    @Test
    void callsTakenAfterXsAdvertisedResetCountInTheNextWindowForXCountsThemThere() {
        // X says: 3 of 4 left, the window rolls at 10:01:00 (the budget's reset carries the 2 s roll margin)
        Instant reset = START.plusSeconds(60).plus(RateLimitHeaders.ROLL_MARGIN);
        budget.tryAcquire(SAM_TIMELINE);
        budget.observe(SAM_TIMELINE, new RateLimitHeaders(4, 3, reset));
        budget.tryAcquire(SAM_TIMELINE);
        // half a second before X's reset (X's window still), and one second after it (before the budget's: X's next)
        clock.set(START.plusMillis(59_500));
        budget.tryAcquire(SAM_TIMELINE);
        clock.set(START.plusSeconds(61));
        budget.tryAcquire(SAM_TIMELINE);

        clock.set(reset);
        int granted = grantedOf(4);

        assertThat(granted).as("the limit less the call sent after X's roll, whose answer is not back").isEqualTo(3);
    }

    @Test
    void theFirstAnswerOfXsNextWindowLeavesOutTheLateCallsStillOnTheirWay() {
        Instant reset = START.plusSeconds(60).plus(RateLimitHeaders.ROLL_MARGIN);
        budget.tryAcquire(SAM_TIMELINE);
        budget.observe(SAM_TIMELINE, new RateLimitHeaders(4, 3, reset));
        // three calls after X's window rolled, before the budget's reset: all land in the next one
        clock.set(START.plusMillis(60_100));
        for (int i = 0; i < 3; i++) {
            budget.tryAcquire(SAM_TIMELINE);
        }
        // the first of them answers from X's next window: 3 of 4 left there, the other two still on their way
        budget.observe(SAM_TIMELINE, new RateLimitHeaders(4, 3, START.plusSeconds(122)));

        int granted = grantedOf(4);

        assertThat(granted).as("at most what X has left less the two calls it has not counted yet").isLessThanOrEqualTo(1);
    }

    @Test
    void anAnswerOfTheRolledWindowReadWithATimeJustBeforeTheRenewalLeavesTheNewWindowAlone() {
        budget.tryAcquire(SAM_TIMELINE);
        budget.observe(SAM_TIMELINE, new RateLimitHeaders(2, 1, START.plusSeconds(60)));
        budget.tryAcquire(SAM_TIMELINE);
        // one thread renews the window at its reset and takes a call of the new one ...
        clock.set(START.plusSeconds(60));
        budget.tryAcquire(SAM_TIMELINE);
        // ... while another, which read the time a moment earlier, reports the last answer of the old window
        clock.set(START.plusMillis(59_990));
        budget.observe(SAM_TIMELINE, new RateLimitHeaders(2, 0, START.plusSeconds(60)));
        clock.set(START.plusSeconds(61));

        assertThat(budget.tryAcquire(SAM_TIMELINE).granted()).as("the second call of the new window").isTrue();
        assertThat(budget.tryAcquire(SAM_TIMELINE).granted()).as("a third").isFalse();
    }

    @Test
    void aLateAnswerOfTheWindowBeforeTheResetLeavesTheNextWindowsCount() {
        budget.tryAcquire(SAM_TIMELINE);
        budget.observe(SAM_TIMELINE, new RateLimitHeaders(2, 0, START.plusSeconds(60)));
        clock.set(START.plusSeconds(61));
        budget.tryAcquire(SAM_TIMELINE);

        budget.observe(SAM_TIMELINE, new RateLimitHeaders(2, 0, START.plusSeconds(60)));

        assertThat(budget.tryAcquire(SAM_TIMELINE).granted()).as("the second call of the new window").isTrue();
        assertThat(budget.tryAcquire(SAM_TIMELINE).granted()).as("a third").isFalse();
    }

    @Test
    void theProvidersLowerCountWinsWithinAWindow() {
        budget.tryAcquire(SAM_TIMELINE);
        budget.observe(SAM_TIMELINE, new RateLimitHeaders(900, 500, START.plusSeconds(900)));
        budget.observe(SAM_TIMELINE, new RateLimitHeaders(900, 1, START.plusSeconds(900)));

        assertThat(budget.tryAcquire(SAM_TIMELINE).granted()).isTrue();
        assertThat(budget.tryAcquire(SAM_TIMELINE).granted()).isFalse();
    }

    @Test
    void budgetsOfTwoMembersAreIndependent() {
        BudgetKey ada = new BudgetKey("users/tweets", "member-1");
        budget.tryAcquire(SAM_TIMELINE);
        budget.observe(SAM_TIMELINE, new RateLimitHeaders(900, 0, START.plusSeconds(900)));

        assertThat(budget.tryAcquire(ada).granted()).isTrue();
    }

    @Test
    void usageCapPausesTheEndpointForEveryCredential() {
        Instant monthEnd = START.plusSeconds(86_400);
        budget.pause("users/tweets", monthEnd, "monthly usage cap");

        Permit permit = budget.tryAcquire(new BudgetKey("users/tweets", "member-1"));

        assertThat(permit.granted()).isFalse();
        assertThat(permit.paused()).as("said by the pause").isTrue();
        assertThat(permit.retryAt()).isEqualTo(monthEnd);
        assertThat(permit.reason()).contains("usage cap");
        assertThat(budget.tryAcquire(new BudgetKey("users/me", "member-1")).granted()).isTrue();
    }

    @Test
    void usageCapPauseHoldsInANewProcessUntilItEnds() {
        Instant monthEnd = START.plusSeconds(86_400);
        budget.pause("users/tweets", monthEnd, "X's monthly usage cap is reached");

        RateBudget restarted = started();
        Permit permit = restarted.tryAcquire(SAM_TIMELINE);

        assertThat(permit.granted()).isFalse();
        assertThat(permit.paused()).as("said by the stored pause").isTrue();
        assertThat(permit.retryAt()).isEqualTo(monthEnd);
        assertThat(permit.reason()).isEqualTo("X's monthly usage cap is reached");
        clock.set(monthEnd);
        assertThat(restarted.tryAcquire(SAM_TIMELINE).granted()).isTrue();
    }

    @Test
    void theOperatorsPauseHoldsEveryCallUntilTheyResume() {
        budget.tryAcquire(SAM_TIMELINE);
        budget.observe(SAM_TIMELINE, new RateLimitHeaders(900, 899, START.plusSeconds(900)));

        budget.pauseAll();
        clock.set(START.plus(Duration.ofDays(400)));
        Permit timeline = budget.tryAcquire(SAM_TIMELINE);
        Permit search = budget.tryAcquire(new BudgetKey("tweets/search/recent", "app"));
        budget.resumeAll();

        assertThat(timeline.granted()).isFalse();
        assertThat(timeline.held()).as("said by the operators' pause").isTrue();
        assertThat(timeline.paused()).as("no usage cap").isFalse();
        assertThat(timeline.reason()).isEqualTo(RatePauses.BY_THE_OPERATORS);
        assertThat(timeline.retryAt()).as("asked again from now on: claims wait for the resume").isEqualTo(clock.instant());
        assertThat(search.held()).as("every endpoint and credential").isTrue();
        assertThat(budget.allPaused()).isEmpty();
        assertThat(budget.tryAcquire(SAM_TIMELINE).granted()).isTrue();
    }

    @Test
    void theOperatorsPauseHoldsInANewProcessAndItsResumeTooWithoutAQueryPerCall() {
        budget.pauseAll();

        RateBudget restarted = started();
        int before = connections.taken();
        Permit permit = restarted.tryAcquire(SAM_TIMELINE);
        int taken = connections.taken() - before;
        restarted.resumeAll();

        assertThat(permit.held()).as("said by the stored pause").isTrue();
        assertThat(taken).as("database connections taken by the call").isZero();
        assertThat(restarted.fetching()).isTrue();
        assertThat(started().tryAcquire(SAM_TIMELINE).granted()).as("after another restart").isTrue();
    }

    @Test
    void resumingLeavesTheUsageCapPauseInForce() {
        Instant monthEnd = START.plusSeconds(86_400);
        budget.pause("users/tweets", monthEnd, "X's monthly usage cap is reached");
        budget.pauseAll();

        budget.resumeAll();
        Permit permit = budget.tryAcquire(SAM_TIMELINE);

        assertThat(permit.paused()).isTrue();
        assertThat(permit.retryAt()).isEqualTo(monthEnd);
        assertThat(started().tryAcquire(SAM_TIMELINE).paused()).as("after a restart").isTrue();
    }

    @Test
    void aShorterPauseDoesNotEndALongerOne() {
        Instant monthEnd = START.plusSeconds(86_400);
        budget.pause("users/tweets", monthEnd, "monthly usage cap");

        budget.pause("users/tweets", START.plusSeconds(60), "monthly usage cap");

        assertThat(budget.tryAcquire(SAM_TIMELINE).retryAt()).isEqualTo(monthEnd);
    }

    @Test
    void aPausedEndpointIsRefusedWithoutAQuery() {
        budget.pause("users/tweets", START.plusSeconds(86_400), "monthly usage cap");
        int before = connections.taken();

        Permit paused = budget.tryAcquire(SAM_TIMELINE);
        Permit other = budget.tryAcquire(new BudgetKey("users/me", "member-7"));

        assertThat(paused.paused()).isTrue();
        assertThat(other.granted()).isTrue();
        assertThat(connections.taken()).as("database connections taken by the calls").isEqualTo(before);
    }

    @Test
    void noCallAtTheAdvertisedResetWhileXsWindowMayNotHaveRolledYet() {
        Instant advertised = START.plusSeconds(60);
        budget.tryAcquire(SAM_TIMELINE);
        budget.observe(SAM_TIMELINE, RateLimitHeaders.from(Map.<String, Object>of("x-rate-limit-limit", "2",
                "x-rate-limit-remaining", "0", "x-rate-limit-reset", Long.toString(advertised.getEpochSecond()))::get)
                .orElseThrow());

        clock.set(advertised);
        Permit atTheReset = budget.tryAcquire(SAM_TIMELINE);
        clock.set(advertised.plus(RateLimitHeaders.ROLL_MARGIN));

        assertThat(atTheReset.granted()).isFalse();
        assertThat(atTheReset.retryAt()).isEqualTo(advertised.plusSeconds(2));
        assertThat(budget.tryAcquire(SAM_TIMELINE).granted()).isTrue();
    }

    @Test
    void anAnswerWithoutHeadersLetsTheProbeBeTriedAgainButNeverAKnownWindow() {
        budget.tryAcquire(SAM_TIMELINE);
        budget.unanswered(SAM_TIMELINE);
        assertThat(budget.tryAcquire(SAM_TIMELINE).granted()).as("probe again").isTrue();

        budget.observe(SAM_TIMELINE, new RateLimitHeaders(2, 0, START.plusSeconds(60)));
        budget.unanswered(SAM_TIMELINE);

        assertThat(budget.tryAcquire(SAM_TIMELINE).granted()).isFalse();
    }

    @Test
    void aProbeLostWithItsReplicaHoldsTheKeyOnlyAsLongAsACallMayTakeThenAnotherGoes() {
        budget.tryAcquire(SAM_TIMELINE);

        clock.set(START.plus(PROBE_HOLD).minusMillis(1));
        assertThat(budget.tryAcquire(SAM_TIMELINE).granted()).as("while the probe may still be answered").isFalse();
        clock.set(START.plus(PROBE_HOLD));
        assertThat(budget.tryAcquire(SAM_TIMELINE).granted()).as("a new probe").isTrue();
        assertThat(budget.tryAcquire(SAM_TIMELINE).granted()).as("still one at a time").isFalse();
    }

    @Test
    void anAnswerWithoutHeadersAfterA429WithoutHeadersLetsNoCallThroughBeforeTheAssumedReset() {
        budget.tryAcquire(SAM_TIMELINE);
        budget.observe(SAM_TIMELINE, RateLimitHeaders.spentUntil(START.plusSeconds(600)));

        budget.unanswered(SAM_TIMELINE);

        Permit permit = budget.tryAcquire(SAM_TIMELINE);
        assertThat(permit.granted()).isFalse();
        assertThat(permit.retryAt()).isEqualTo(START.plusSeconds(600));
    }

    static final class CountingDataSource extends DelegatingDataSource {

        private final AtomicInteger taken = new AtomicInteger();

        CountingDataSource(DataSource dataSource) {
            super(dataSource);
        }

        int taken() {
            return taken.get();
        }

        @Override
        public Connection getConnection() throws SQLException {
            taken.incrementAndGet();
            return super.getConnection();
        }
    }

    /** How many of {@code tries} calls of Sam's timeline, asked one after another now, the budget lets through. */
    int grantedOf(int tries) {
        int granted = 0;
        for (int i = 0; i < tries; i++) {
            granted += budget.tryAcquire(SAM_TIMELINE).granted() ? 1 : 0;
        }
        return granted;
    }
}
