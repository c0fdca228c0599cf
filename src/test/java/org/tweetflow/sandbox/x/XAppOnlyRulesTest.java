package org.tweetflow.sandbox.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tweetflow.sandbox.SandboxHttp.json;
import static org.tweetflow.sandbox.x.XSimulator.SAM;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tweetflow.sandbox.SandboxClients;
import org.tweetflow.sandbox.SandboxTest;

/**
 * The app's bearer token (OAuth 2.0 Application-Only), as X takes it: recent search and the timeline serve it with
 * their rate-limit headers; users/me, which names the authenticating user, refuses it with X's 403. Its windows are
 * the app's own (XRateLimitRulesTest).
 */
@SandboxTest
class XAppOnlyRulesTest {

    static final String SEARCH = "/2/tweets/search/recent?query=climate";

    @Autowired
    XApi x;

    @Test
    void recentSearchAndTheTimelineServeTheAppsTokenWithTheirRateLimitHeaders() throws Exception {
        HttpResponse<String> search = x.asTheApp(SEARCH);
        HttpResponse<String> timeline = x.asTheApp("/2/users/" + SAM + "/tweets");

        assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
        assertThat(json(search).path("data")).isNotEmpty();
        assertThat(timeline.statusCode()).as(timeline.body()).isEqualTo(200);
        assertThat(json(timeline).path("data")).isNotEmpty();
        assertThat(List.of(search, timeline)).allSatisfy(answer -> assertThat(answer.headers().map())
                .containsKeys("x-rate-limit-limit", "x-rate-limit-remaining", "x-rate-limit-reset"));
        HttpResponse<String> unknown = x.get(SEARCH, SandboxClients.X_APP_BEARER_TOKEN + "-not");
        assertThat(unknown.statusCode()).as("a bearer token neither the app's nor a user's").isEqualTo(401);
    }

    @Test
    void usersMeRefusesTheAppsTokenWithXsUnsupportedAuthentication() throws Exception {
        HttpResponse<String> answer = x.asTheApp("/2/users/me");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(json(answer)).isEqualTo(json("""
                {"title":"Unsupported Authentication","detail":"Authenticating with OAuth 2.0 Application-Only is \
                forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 \
                User Context].","type":"https://api.twitter.com/2/problems/unsupported-authentication","status":403}"""));
        assertThat(x.me(SAM, "").statusCode()).as("a user's token").isEqualTo(200);
    }
}
