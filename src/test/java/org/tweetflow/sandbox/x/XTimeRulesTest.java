package org.tweetflow.sandbox.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tweetflow.sandbox.SandboxHttp.enc;
import static org.tweetflow.sandbox.SandboxHttp.json;
import static org.tweetflow.sandbox.x.XRefusal.invalidRequest;
import static org.tweetflow.sandbox.x.XRefusal.refusalMessage;
import static org.tweetflow.sandbox.x.XSimulator.SANDY;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.tweetflow.sandbox.SandboxTest;

/** The timeline's and recent search's rules for start_time and end_time, answered with X's 400 envelope. */
@SandboxTest
class XTimeRulesTest {

    @Autowired
    XSimulator sim;

    @Autowired
    XApi x;

    // ------------------------------------------------------------------ both endpoints

    /**
     * A time later than ten seconds before the request (the future included) is refused, and X says which. The
     * recent times are a second before now at most: the request has nine seconds to arrive in and still be refused,
     * on a loaded machine too.
     */
    @ParameterizedTest(name = "{0} with {2} {3} from the request")
    @CsvSource({
            "timeline, start_time=2024-01-01T00:00:00Z, end_time, P7D",
            "timeline, , end_time, PT-1S",
            "timeline, , start_time, PT1M",
            "search, query=climate, end_time, PT0S",
            "search, query=climate, start_time, PT1H"})
    void refusesATimeLessThanTenSecondsBeforeTheRequest(String endpoint, String otherParameters, String parameter,
            Duration fromNow) throws Exception {
        String sent = secondsFromNow(fromNow);
        String query = (otherParameters == null ? "" : otherParameters + "&") + parameter + "=" + sent;
        HttpResponse<String> answer = endpoint.equals("timeline") ? timeline(query) : search(query);
        assertThat(refusalMessage(answer)).isEqualTo("Invalid '" + parameter + "':'" + echo(sent) + "'. '"
                + parameter + "' must be a minimum of 10 seconds prior to the request time.");
    }

    // ------------------------------------------------------------------ timeline

    @Test
    void timelineRefusesStartTimeBeforeTwentyTenNovemberSixth() throws Exception {
        HttpResponse<String> answer = timeline("start_time=2010-11-05T23:59:59Z&end_time=2011-01-01T00:00:00Z");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json(answer)).isEqualTo(invalidRequest("start_time", "2010-11-05T23:59:59Z",
                "Invalid 'start_time':'2010-11-05T23:59:59Z'. 'start_time' must be on or after 2010-11-06T00:00Z"));
    }

    @Test
    void timelineRefusesEndTimeBeforeTwentyTenNovemberSixth() throws Exception {
        HttpResponse<String> answer = timeline("end_time=2007-03-14T00:00:00Z");
        assertThat(refusalMessage(answer)).isEqualTo(
                "Invalid 'end_time':'2007-03-14T00:00Z'. 'end_time' must be on or after 2010-11-06T00:00Z");
        assertThat(json(answer).at("/errors/0/parameters/end_time/0").asText()).isEqualTo("2007-03-14T00:00Z");
    }

    @Test
    void timelineAcceptsStartTimeAtTwentyTenNovemberSixth() throws Exception {
        HttpResponse<String> answer = timeline("start_time=2010-11-06T00:00:00Z&end_time=2011-01-01T00:00:00Z");
        assertThat(answer.statusCode()).isEqualTo(200);
    }

    @Test
    void timelineAcceptsEndTimeAMinuteBeforeTheRequest() throws Exception {
        HttpResponse<String> answer = timeline("start_time=2024-01-01T00:00:00Z&end_time="
                + secondsFromNow(Duration.ofMinutes(-1)));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json(answer).path("data").size()).isPositive();
    }

    @Test
    void timelineRefusesStartTimeNotBeforeEndTime() throws Exception {
        HttpResponse<String> answer = timeline("start_time=2024-02-01T00:00:00Z&end_time=2024-01-01T00:00:00Z");
        assertThat(refusalMessage(answer)).isEqualTo(
                "Invalid 'start_time':'2024-02-01T00:00Z'. 'start_time' must be before 'end_time':'2024-01-01T00:00Z'");
        assertThat(json(answer).at("/errors/0/parameters")).isEqualTo(json(
                "{\"start_time\":[\"2024-02-01T00:00Z\"],\"end_time\":[\"2024-01-01T00:00Z\"]}"));
        HttpResponse<String> equal = timeline("start_time=2024-01-01T00:00:00Z&end_time=2024-01-01T00:00:00Z");
        assertThat(equal.statusCode()).isEqualTo(400);
    }

    @Test
    void timelineRefusesTimesThatAreNotRfc3339ToTheSecond() throws Exception {
        for (String bad : new String[] {"2024-01-01", "2024-01-01T00:00Z", "2024-01-01 00:00:00Z",
                "2024-01-01T00:00:00", "1704067200"}) {
            HttpResponse<String> answer = timeline("start_time=" + enc(bad));
            assertThat(answer.statusCode()).as(bad).isEqualTo(400);
            assertThat(json(answer).at("/errors/0/parameters/start_time/0").asText()).isEqualTo(bad);
            assertThat(json(answer).path("type").asText()).isEqualTo(InvalidRequest.TYPE);
        }
        assertThat(timeline("start_time=2024-01-01T00:00:00.000Z").statusCode()).isEqualTo(200);
        assertThat(timeline("start_time=2024-01-01T01:00:00%2B01:00").statusCode()).isEqualTo(200);
    }

    @Test
    void timelineReportsEveryBrokenTimeRuleAtOnce() throws Exception {
        HttpResponse<String> answer = timeline("start_time=2009-01-01T00:00:00Z&end_time="
                + secondsFromNow(Duration.ofDays(3)));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json(answer).path("errors")).hasSize(2);
    }

    /**
     * Unlike recent search, the timeline takes until_id with the times, and until_id takes precedence over end_time
     * (docs.x.com, "User Posts timeline by User ID"): a resumed sync asks for what is older than a post.
     */
    @Test
    void timelineTakesUntilIdWithStartTimeInPlaceOfEndTime() throws Exception {
        List<String> ids = sim.reachableTweetIds(SANDY);
        String until = ids.get(5);
        String longBefore = XSimulator.createdAt(Long.parseLong(ids.get(50))).truncatedTo(ChronoUnit.SECONDS)
                .toString();

        HttpResponse<String> answer = timeline("start_time=2010-11-06T00:00:00Z&max_results=5&until_id=" + until
                + "&end_time=" + longBefore);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json(answer).at("/data/0/id").asText()).isEqualTo(ids.get(6));
    }

    // ------------------------------------------------------------------ recent search

    @Test
    void searchRefusesStartTimeOlderThanSevenDays() throws Exception {
        String eightDaysAgo = secondsFromNow(Duration.ofDays(-8));
        HttpResponse<String> answer = search("query=climate&start_time=" + eightDaysAgo);
        assertThat(refusalMessage(answer)).startsWith("Invalid 'start_time':'" + echo(eightDaysAgo)
                + "'. 'start_time' must be on or after ");
    }

    @Test
    void searchRefusesSinceIdTogetherWithStartTime() throws Exception {
        String since = sim.reachableTweetIds(SANDY).get(5);
        String start = secondsFromNow(Duration.ofDays(-2));
        HttpResponse<String> answer = search("query=climate&since_id=" + since + "&start_time=" + start);
        assertThat(refusalMessage(answer)).isEqualTo(
                "Invalid use of 'since_id' or 'until_id' in conjunction with 'start_time' or 'end_time'.");
        assertThat(search("query=climate&until_id=" + since + "&end_time=" + secondsFromNow(Duration.ofHours(-1)))
                .statusCode()).isEqualTo(400);
    }

    @Test
    void searchAcceptsAWindowInsideTheLastSevenDays() throws Exception {
        HttpResponse<String> answer = search("query=climate&start_time=" + secondsFromNow(Duration.ofDays(-6))
                + "&end_time=" + secondsFromNow(Duration.ofMinutes(-1)));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json(answer).path("data").size()).isPositive();
    }

    @Test
    void searchRefusesAQueryLongerThan512Characters() throws Exception {
        HttpResponse<String> answer = search("query=" + "a".repeat(513));
        assertThat(refusalMessage(answer))
                .isEqualTo("There were errors processing your request: Query is too long (max 512 characters)");
        assertThat(search("query=" + "a".repeat(512)).statusCode()).isEqualTo(200);
    }

    @Test
    void searchRefusesAnEmptyQuery() throws Exception {
        HttpResponse<String> answer = search("query=");
        assertThat(refusalMessage(answer)).isEqualTo("The `query` query parameter can not be empty");
    }

    @Test
    void searchRefusesMaxResultsBelowTen() throws Exception {
        HttpResponse<String> answer = search("query=climate&max_results=5");
        assertThat(refusalMessage(answer)).isEqualTo("The `max_results` query parameter value [5] is not between 10 and 100");
    }

    // ------------------------------------------------------------------ helpers

    private HttpResponse<String> timeline(String query) throws Exception {
        return x.timeline(SANDY, query);
    }

    private HttpResponse<String> search(String query) throws Exception {
        return x.search(SANDY, query);
    }

    private static String secondsFromNow(Duration offset) {
        return Instant.now().plus(offset).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** How X repeats an instant in its messages. */
    private static String echo(String rfc3339) {
        return XTimeWindow.echo(Instant.parse(rfc3339));
    }
}
