package org.tweetflow.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.member.Member;
import org.tweetflow.TweetflowTest;
import org.tweetflow.ratelimit.RateLimitHeaders;
import org.tweetflow.sandbox.SandboxFaults;
import org.tweetflow.sandbox.SandboxFaults.Fault;
import org.tweetflow.sandbox.x.XSimulator;
import org.tweetflow.twitter.XApiException;

/** The fetch-week-range route against the sandbox X API, through camel-http, the throttle and the budget. */
@TweetflowTest
@TestPropertySource(properties = {"tweetflow.simulation.timeline-limit=5",
        "tweetflow.simulation.window=PT1H"})
class FetchWeekRangeRouteTest {

    static final String TIMELINE = "/x/2/users/*/tweets";

    @Autowired
    ProducerTemplate camel;

    @Autowired
    XSimulator x;

    @Autowired
    ConnectedMembers members;

    @Autowired
    ArchiveOwners owners;

    @Autowired
    SandboxFaults faults;

    /** X's windows are per user, and every test here reads Sandy's timeline: each starts with hers unspent. */
    @BeforeEach
    void freshWindows() {
        x.resetCounts();
    }

    @AfterEach
    void clearFaults() {
        faults.clear();
    }

    @Test
    void fetchesEveryReachablePostOfTheRangeOnceIntoItsWeek() {
        WeekRange range = lastWeeks(20);

        Exchange result = fetch(range, "member-all-pages");

        assertThat(result.getException()).isNull();
        SortedMap<IsoWeek, FetchedWeek> weeks = weeksOf(result);
        assertThat(weeks.keySet()).containsExactlyElementsOf(range.weeks());
        List<String> fetched = weeks.values().stream().flatMap(w -> w.tweets().stream())
                .map(t -> t.path("id").asText()).toList();
        assertThat(fetched).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(reachableIn(range));
        weeks.forEach((week, fetchedWeek) -> fetchedWeek.tweets().forEach(tweet ->
                assertThat(week.contains(Instant.parse(tweet.path("created_at").asText()))).isTrue()));
    }

    @Test
    void serverErrorsAreRedeliveredAndTheRangeStillCompletes() {
        faults.inject(Fault.status("GET", TIMELINE, 503, "{\"title\":\"Service Unavailable\"}"));
        faults.inject(Fault.status("GET", TIMELINE, 500, "{\"title\":\"Internal Server Error\"}"));
        WeekRange range = lastWeeks(4);

        Exchange result = fetch(range, "member-5xx");

        assertThat(result.getException()).isNull();
        assertThat(weeksOf(result).values().stream().mapToInt(w -> w.tweets().size()).sum())
                .isEqualTo(reachableIn(range).size());
    }

    @Test
    void malformedAnswerFailsWithAClearReason() {
        faults.inject(Fault.malformed("GET", TIMELINE));

        Exchange result = fetch(lastWeeks(4), "member-malformed");

        assertThat(result.getException()).isInstanceOf(XApiException.Rejected.class)
                .hasMessageContaining("malformed");
    }

    @Test
    void spentBudgetStopsFetchingBeforeXWouldAnswer429() {
        WeekRange range = lastWeeks(200);

        Exchange result = fetch(range, "member-budget");

        assertThat(result.getException()).isInstanceOf(XApiException.RateLimited.class);
        assertThat(((XApiException.RateLimited) result.getException()).usageCap()).isFalse();
        assertThat(x.callCount("users/tweets")).as("the window's limit, spent exactly").isEqualTo(5);
    }

    @Test
    void tooManyRequestsStopsTheRangeUntilXsWindowHasRolledAfterTheAnnouncedReset() {
        long reset = Instant.now().plusSeconds(600).getEpochSecond();
        faults.inject(Fault.status("GET", TIMELINE, 429,
                "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}")
                .withHeaders(Map.of("x-rate-limit-limit", "900", "x-rate-limit-remaining", "0",
                        "x-rate-limit-reset", String.valueOf(reset))));

        Exchange result = fetch(lastWeeks(4), "member-429");

        assertThat(result.getException()).isInstanceOfSatisfying(XApiException.RateLimited.class, e -> {
            assertThat(e.usageCap()).isFalse();
            assertThat(e.retryAt()).isEqualTo(Instant.ofEpochSecond(reset).plus(RateLimitHeaders.ROLL_MARGIN));
        });
    }

    /** Fetches for a member of its own (so with a budget of its own), Sandy's account connected. */
    private Exchange fetch(WeekRange range, String projectMemberId) {
        Member member = members.connectXOnly(projectMemberId, XSimulator.SANDY, Instant.now());
        return camel.send("direct:fetch-week-range", exchange -> {
            exchange.getMessage().setBody(range);
            exchange.setProperty(TweetflowExchange.OWNER, owners.owner(member.id()).orElseThrow());
        });
    }

    private static SortedMap<IsoWeek, FetchedWeek> weeksOf(Exchange result) {
        return result.getMessage().getBody(FetchedRange.class).weeks();
    }

    private static WeekRange lastWeeks(int count) {
        IsoWeek last = IsoWeek.of(Instant.now().minus(Duration.ofDays(7)));
        return WeekRange.of(IsoWeek.of(last.start().minus(Duration.ofDays(7L * (count - 1)))), last);
    }

    /** X ids are snowflakes: their time is in the high bits. */
    private List<String> reachableIn(WeekRange range) {
        return ConnectedMembers.reachableIn(x, XSimulator.SANDY, range.start(), range.end());
    }
}
