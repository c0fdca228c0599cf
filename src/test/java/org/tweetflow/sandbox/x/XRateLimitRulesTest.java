package org.tweetflow.sandbox.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tweetflow.sandbox.x.XSimulator.SAM;
import static org.tweetflow.sandbox.x.XSimulator.SANDY;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.tweetflow.MutableClock;
import org.tweetflow.TestClock;
import org.tweetflow.sandbox.SandboxTest;

/**
 * X's rate-limit windows: per endpoint and user (not per token), the app's token in windows of its own, and rolling a
 * second after the reset they advertise. A context of its own: small limits, and a clock the tests move to the reset.
 */
@SandboxTest
@Import(TestClock.class)
@TestPropertySource(properties = {"tweetflow.simulation.timeline-limit=2", "tweetflow.simulation.window=PT15M",
        "tweetflow.simulation.search-limit=4", "tweetflow.simulation.app-search-limit=3"})
class XRateLimitRulesTest {

    static final int LIMIT = 2;
    static final int SEARCH_LIMIT = 4;
    static final int APP_SEARCH_LIMIT = 3;
    static final Duration WINDOW = Duration.ofMinutes(15);

    @Autowired
    XSimulator sim;

    @Autowired
    XApi x;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void freshWindows() {
        sim.resetCounts();
    }

    @Test
    void aRefreshedTokenOfTheSameUserGetsNoNewWindow() throws Exception {
        XSimulator.Tokens tokens = sim.issueTokens(SAM, XSimulator.DEFAULT_SCOPE);
        spendTheTimelineWindow(tokens.accessToken());
        String refreshed = sim.refresh(tokens.refreshToken()).orElseThrow().accessToken();

        HttpResponse<String> answer = x.get(timelineOf(SAM), refreshed);

        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(answer.headers().firstValue("x-rate-limit-remaining")).contains("0");
        assertThat(x.timeline(SAM).statusCode()).as("nor does a new token of the user").isEqualTo(429);
        assertThat(x.timeline(SANDY).statusCode()).as("another user's window").isEqualTo(200);
        assertThat(x.get("/2/users/me", refreshed).statusCode()).as("another endpoint's window").isEqualTo(200);
    }

    @Test
    void aCallUpToASecondAfterTheAdvertisedResetStillCountsInTheSpentWindow() throws Exception {
        String token = sim.issueToken(SAM);
        Instant reset = resetOf(spendTheTimelineWindow(token));

        clock.set(reset);
        HttpResponse<String> atTheReset = x.get(timelineOf(SAM), token);
        clock.set(reset.plusMillis(999));
        HttpResponse<String> justBeforeTheRoll = x.get(timelineOf(SAM), token);
        clock.set(reset.plusSeconds(1));
        HttpResponse<String> rolled = x.get(timelineOf(SAM), token);

        assertThat(atTheReset.statusCode()).isEqualTo(429);
        assertThat(resetOf(atTheReset)).as("still the old window's reset").isEqualTo(reset);
        assertThat(justBeforeTheRoll.statusCode()).isEqualTo(429);
        assertThat(rolled.statusCode()).isEqualTo(200);
        assertThat(rolled.headers().firstValue("x-rate-limit-remaining")).contains(Integer.toString(LIMIT - 1));
        assertThat(resetOf(rolled)).isEqualTo(reset.plus(WINDOW));
    }

    @Test
    void theAppsTokenSearchesInAWindowOfItsOwnApartFromEveryUsers() throws Exception {
        HttpResponse<String> asSam = x.search(SAM, "query=climate");
        List<HttpResponse<String>> asTheApp = new ArrayList<>();
        for (int i = 0; i < APP_SEARCH_LIMIT; i++) {
            asTheApp.add(x.asTheApp("/2/tweets/search/recent?query=climate"));
        }
        HttpResponse<String> appSpent = x.asTheApp("/2/tweets/search/recent?query=climate");
        HttpResponse<String> samAgain = x.search(SAM, "query=climate");

        assertThat(asSam.statusCode()).isEqualTo(200);
        assertThat(asTheApp).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("x-rate-limit-limit")).contains(Integer.toString(APP_SEARCH_LIMIT));
        });
        assertThat(asTheApp).as("sam's call is not the app's").extracting(
                answer -> answer.headers().firstValue("x-rate-limit-remaining").orElseThrow())
                .containsExactly("2", "1", "0");
        assertThat(appSpent.statusCode()).isEqualTo(429);
        assertThat(samAgain.statusCode()).as("the app's spent window is not sam's").isEqualTo(200);
        assertThat(samAgain.headers().firstValue("x-rate-limit-remaining")).contains(
                Integer.toString(SEARCH_LIMIT - 2));
        assertThat(x.asTheApp(timelineOf(SAM)).statusCode()).as("the app's window of another endpoint")
                .isEqualTo(200);
    }

    /** Makes the window's calls, each answered 200; the last answer is returned. */
    private HttpResponse<String> spendTheTimelineWindow(String token) throws Exception {
        HttpResponse<String> last = null;
        for (int i = 0; i < LIMIT; i++) {
            last = x.get(timelineOf(SAM), token);
            assertThat(last.statusCode()).isEqualTo(200);
        }
        assertThat(last.headers().firstValue("x-rate-limit-remaining")).contains("0");
        return last;
    }

    private static String timelineOf(String user) {
        return "/2/users/" + user + "/tweets";
    }

    private static Instant resetOf(HttpResponse<String> answer) {
        return Instant.ofEpochSecond(Long.parseLong(answer.headers().firstValue("x-rate-limit-reset").orElseThrow()));
    }
}
