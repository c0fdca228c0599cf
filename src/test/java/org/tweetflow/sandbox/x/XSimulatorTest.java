package org.tweetflow.sandbox.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tweetflow.sandbox.SandboxHttp.enc;
import static org.tweetflow.sandbox.SandboxHttp.form;
import static org.tweetflow.sandbox.SandboxHttp.query;
import static org.tweetflow.sandbox.x.XRefusal.invalidRequest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.util.HtmlUtils;
import org.tweetflow.TweetflowTest;
import org.tweetflow.config.TweetflowProperties;
import org.tweetflow.sandbox.SandboxClients;

@TweetflowTest
@TestPropertySource(properties = {"tweetflow.simulation.timeline-limit=40", "tweetflow.simulation.window=PT1H"})
class XSimulatorTest {

    static final String SANDY = "1400000000000000001";
    static final String SAM = "1400000000000000002";
    static final String EMMA = "1400000000000000003";
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @LocalServerPort
    int port;

    @Autowired
    XSimulator sim;
    @Autowired
    TweetflowProperties properties;

    /** The callback registered for the sandbox's X app: X sends a code nowhere else. */
    String redirect;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final ObjectMapper json = new ObjectMapper();

    /** Windows are per user and the tests share the demo users: each test starts with them unspent. */
    @BeforeEach
    void freshWindows() {
        sim.resetCounts();
        redirect = SandboxClients.xCallback(properties.publicUrl());
    }

    // ------------------------------------------------------------------ OAuth

    @Test
    void authorizePageListsDemoAccountsAndRejectsPlainPkce() throws Exception {
        HttpResponse<String> page = get(authorizeUrl("S256"), null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Authorize app").contains("Cancel").contains("sandy_archivist")
                .contains("value=\"" + SANDY + "\"");

        HttpResponse<String> plain = get(authorizeUrl("plain"), null);
        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(plain.body()).contains("S256");

        HttpResponse<String> wrongClient = get(authorizeUrl("S256").replace(SandboxClients.X_CLIENT_ID, "nope"),
                null);
        assertThat(wrongClient.statusCode()).isEqualTo(400);
    }

    @Test
    void authorizeRedirectsWithCodeAndEchoedState() throws Exception {
        HttpResponse<String> answer = decide("allow", SANDY, "st-123");
        assertThat(answer.statusCode()).isEqualTo(302);
        Map<String, String> q = query(answer.headers().firstValue("Location").orElseThrow());
        assertThat(answer.headers().firstValue("Location").orElseThrow()).startsWith(redirect + "?");
        assertThat(q).containsEntry("state", "st-123").containsKey("code");
        assertThat(q.get("code")).isNotBlank();
    }

    /** X matches the registered callback character for character and refuses on its own page: no code leaves. */
    @Test
    void aRedirectUriOtherThanTheRegisteredCallbackIsRefusedOnXsPageAndGetsNoCode() throws Exception {
        int issued = sim.callCount(XOAuthController.TOKEN);
        for (String other : new String[] {"http://evil.example/connect/twitter/callback", redirect + "/",
                redirect + "?next=/", redirect.replace("localhost", "127.0.0.1"), redirect.toUpperCase()}) {
            HttpResponse<String> page = get(authorizeUrl("S256").replace(enc(redirect), enc(other)), null);
            HttpResponse<String> decided = decide("allow", SANDY, "st-1", other);

            for (HttpResponse<String> answer : List.of(page, decided)) {
                assertThat(answer.statusCode()).as(other).isEqualTo(400);
                assertThat(answer.headers().firstValue("Location")).as(other).isEmpty();
                assertThat(answer.body()).as(other).contains(HtmlUtils.htmlEscape(XOAuthController.UNREGISTERED_CALLBACK))
                        .doesNotContain("code=");
            }
        }
        assertThat(sim.callCount(XOAuthController.TOKEN)).isEqualTo(issued);
    }

    @Test
    void cancelRedirectsWithAccessDenied() throws Exception {
        HttpResponse<String> answer = decide("deny", SANDY, "st-9");
        assertThat(answer.statusCode()).isEqualTo(302);
        Map<String, String> q = query(answer.headers().firstValue("Location").orElseThrow());
        assertThat(q).containsEntry("error", "access_denied").containsEntry("state", "st-9").doesNotContainKey("code");
    }

    @Test
    void tokenRequiresBasicAuth() throws Exception {
        String code = code(SANDY);
        HttpResponse<String> answer = post("/2/oauth2/token", null, Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", redirect, "code_verifier", VERIFIER));
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(json.readTree(answer.body()).path("error").asText()).isEqualTo("invalid_client");

        HttpResponse<String> wrong = post("/2/oauth2/token", basic(SandboxClients.X_CLIENT_ID, "wrong"),
                Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirect, "code_verifier",
                        VERIFIER));
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @Test
    void codeExchangeGivesTokensThatIdentifyTheUser() throws Exception {
        JsonNode tokens = exchange(code(SAM), VERIFIER);
        assertThat(tokens.path("token_type").asText()).isEqualTo("bearer");
        assertThat(tokens.path("expires_in").asInt()).isEqualTo(7200);
        assertThat(tokens.path("scope").asText()).isEqualTo("tweet.read users.read offline.access");
        assertThat(tokens.path("refresh_token").asText()).isNotBlank();

        HttpResponse<String> me = get(api("/2/users/me?user.fields=created_at,public_metrics,protected"),
                tokens.path("access_token").asText());
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode data = json.readTree(me.body()).path("data");
        assertThat(data.path("id").asText()).isEqualTo(SAM);
        assertThat(data.path("username").asText()).isEqualTo("small_sam");
        assertThat(data.path("name").asText()).isEqualTo("Small Sam");
        assertThat(data.path("protected").asBoolean(true)).isFalse();
        assertThat(data.path("public_metrics").path("tweet_count").asInt()).isGreaterThanOrEqualTo(40);
        assertThat(data.has("description")).isFalse();
    }

    @Test
    void codeIsSingleUse() throws Exception {
        String code = code(SANDY);
        assertThat(exchange(code, VERIFIER).path("access_token").asText()).isNotBlank();
        HttpResponse<String> again = tokenCall(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", redirect, "code_verifier", VERIFIER));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(json.readTree(again.body()).path("error").asText()).isEqualTo("invalid_request");
        assertThat(json.readTree(again.body()).path("error_description").asText())
                .isEqualTo("Value passed for the token was invalid.");
    }

    @Test
    void pkceVerifierMustMatch() throws Exception {
        HttpResponse<String> answer = tokenCall(Map.of("grant_type", "authorization_code", "code", code(SANDY),
                "redirect_uri", redirect, "code_verifier", "not-the-verifier-not-the-verifier-not-the-verifier"));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json.readTree(answer.body()).path("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void refreshTokenRotates() throws Exception {
        JsonNode first = exchange(code(SANDY), VERIFIER);
        String oldRefresh = first.path("refresh_token").asText();
        HttpResponse<String> refreshed = tokenCall(Map.of("grant_type", "refresh_token", "refresh_token",
                oldRefresh));
        assertThat(refreshed.statusCode()).isEqualTo(200);
        JsonNode second = json.readTree(refreshed.body());
        assertThat(second.path("refresh_token").asText()).isNotBlank().isNotEqualTo(oldRefresh);
        assertThat(second.path("access_token").asText()).isNotEqualTo(first.path("access_token").asText());
        assertThat(get(api("/2/users/me"), second.path("access_token").asText()).statusCode()).isEqualTo(200);

        HttpResponse<String> reused = tokenCall(Map.of("grant_type", "refresh_token", "refresh_token", oldRefresh));
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(reused.body()).path("error_description").asText())
                .isEqualTo("Value passed for the token was invalid.");
    }

    @Test
    void revokedAndExpiredTokensAnswer401() throws Exception {
        String token = sim.issueToken(SANDY);
        assertThat(get(api("/2/users/me"), token).statusCode()).isEqualTo(200);
        HttpResponse<String> revoke = post("/2/oauth2/revoke",
                basic(SandboxClients.X_CLIENT_ID, SandboxClients.X_CLIENT_SECRET), Map.of("token", token));
        assertThat(json.readTree(revoke.body()).path("revoked").asBoolean()).isTrue();
        HttpResponse<String> after = get(api("/2/users/me"), token);
        assertThat(after.statusCode()).isEqualTo(401);
        JsonNode body = json.readTree(after.body());
        assertThat(body.path("title").asText()).isEqualTo("Unauthorized");
        assertThat(body.path("status").asInt()).isEqualTo(401);

        String other = sim.issueToken(SANDY);
        sim.expireAccessToken(other);
        assertThat(get(api("/2/users/me"), other).statusCode()).isEqualTo(401);
    }

    // ------------------------------------------------------------------ timeline

    @Test
    void timelinePagesNewestFirstUntilNoNextToken() throws Exception {
        String token = sim.issueToken(SAM);
        List<String> ids = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonNode page = json.readTree(get(api("/2/users/" + SAM + "/tweets?max_results=15"
                    + (next == null ? "" : "&pagination_token=" + next)), token).body());
            for (JsonNode t : page.path("data")) {
                ids.add(t.path("id").asText());
                assertThat(t.has("edit_history_tweet_ids")).isTrue();
                assertThat(t.has("created_at")).isFalse();
            }
            assertThat(page.path("meta").path("result_count").asInt()).isEqualTo(page.path("data").size());
            next = page.path("meta").path("next_token").asText(null);
            pages++;
        } while (next != null && pages < 20);
        assertThat(next).isNull();
        assertThat(pages).isEqualTo(3);
        assertThat(ids).hasSize(40).doesNotHaveDuplicates();
        List<Long> asLongs = ids.stream().map(Long::parseLong).toList();
        assertThat(asLongs).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(ids).isEqualTo(sim.reachableTweetIds(SAM));
    }

    @Test
    void previousTokenLeadsBackToTheNewerPage() throws Exception {
        String token = sim.issueToken(SAM);
        JsonNode first = json.readTree(get(api("/2/users/" + SAM + "/tweets?max_results=10"), token).body());
        assertThat(first.path("meta").has("previous_token")).isFalse();
        String next = first.path("meta").path("next_token").asText();
        assertThat(next).matches("[0-9a-z]+");
        JsonNode second = json.readTree(get(api("/2/users/" + SAM + "/tweets?max_results=10&pagination_token="
                + next), token).body());
        assertThat(second.path("data").get(0).path("id").asText()).isEqualTo(sim.reachableTweetIds(SAM).get(10));
        String previous = second.path("meta").path("previous_token").asText();
        JsonNode back = json.readTree(get(api("/2/users/" + SAM + "/tweets?max_results=10&pagination_token="
                + previous), token).body());
        assertThat(back.path("data")).isEqualTo(first.path("data"));

        HttpResponse<String> bogus = get(api("/2/users/" + SAM + "/tweets?pagination_token=nonsense"), token);
        assertThat(bogus.statusCode()).isEqualTo(400);
    }

    @Test
    void onlyThe3200NewestAreReachable() throws Exception {
        String token = sim.issueToken(SANDY);
        List<String> ids = new ArrayList<>();
        String next = null;
        boolean shortPageWithToken = false;
        do {
            JsonNode page = json.readTree(get(api("/2/users/" + SANDY + "/tweets?max_results=100"
                    + "&tweet.fields=created_at" + (next == null ? "" : "&pagination_token=" + next)), token).body());
            page.path("data").forEach(t -> ids.add(t.path("id").asText()));
            next = page.path("meta").path("next_token").asText(null);
            if (next != null && page.path("meta").path("result_count").asInt() < 100) {
                shortPageWithToken = true;
            }
        } while (next != null);
        assertThat(ids).doesNotHaveDuplicates().isEqualTo(sim.reachableTweetIds(SANDY));
        assertThat(ids.size()).isBetween(3100, 3200);
        assertThat(sim.tweetCount(SANDY)).isGreaterThan(4500);
        assertThat(shortPageWithToken).isTrue();
    }

    @Test
    void timelineHonoursTimeWindowAndSinceId() throws Exception {
        String token = sim.issueToken(SAM);
        List<String> all = sim.reachableTweetIds(SAM);
        JsonNode since = json.readTree(get(api("/2/users/" + SAM + "/tweets?since_id=" + all.get(5)), token).body());
        assertThat(since.path("meta").path("result_count").asInt()).isEqualTo(5);
        assertThat(since.path("meta").path("newest_id").asText()).isEqualTo(all.get(0));
        assertThat(since.path("meta").path("oldest_id").asText()).isEqualTo(all.get(4));

        Instant at = Instant.parse("2016-05-05T10:00:00Z");
        sim.post(EMMA, "A post from long ago", at);
        String emmaToken = sim.issueToken(EMMA);
        JsonNode inside = json.readTree(get(api("/2/users/" + EMMA + "/tweets?tweet.fields=created_at"
                + "&start_time=2016-05-05T10:00:00Z&end_time=2016-05-05T10:00:01Z"), emmaToken).body());
        assertThat(inside.path("data").get(0).path("text").asText()).isEqualTo("A post from long ago");
        assertThat(inside.path("data").get(0).path("created_at").asText()).isEqualTo("2016-05-05T10:00:00.000Z");
        JsonNode endExclusive = json.readTree(get(api("/2/users/" + EMMA + "/tweets"
                + "?start_time=2016-05-05T09:00:00Z&end_time=2016-05-05T10:00:00Z"), emmaToken).body());
        assertThat(endExclusive.path("meta").path("result_count").asInt()).isZero();
        assertThat(endExclusive.has("data")).isFalse();
    }

    @Test
    void emptyAccountAnswersWithoutData() throws Exception {
        HttpResponse<String> answer = get(api("/2/users/" + EMMA + "/tweets?end_time=2015-01-01T00:00:00Z"),
                sim.issueToken(EMMA));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json.readTree(answer.body())).isEqualTo(json.readTree("{\"meta\":{\"result_count\":0}}"));
    }

    @Test
    void unknownUserAnswersNotFoundError() throws Exception {
        HttpResponse<String> answer = get(api("/2/users/999/tweets"), sim.issueToken(SANDY));
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode error = json.readTree(answer.body()).path("errors").get(0);
        assertThat(error.path("detail").asText()).isEqualTo("Could not find user with id: [999].");
        assertThat(error.path("title").asText()).isEqualTo("Not Found Error");
        assertThat(error.path("resource_id").asText()).isEqualTo("999");
        assertThat(error.path("type").asText()).isEqualTo("https://api.twitter.com/2/problems/resource-not-found");
    }

    @Test
    void maxResultsOutOfRangeIs400() throws Exception {
        HttpResponse<String> answer = get(api("/2/users/" + SANDY + "/tweets?max_results=1000"),
                sim.issueToken(SANDY));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json.readTree(answer.body())).isEqualTo(invalidRequest("max_results", "1000",
                "The `max_results` query parameter value [1000] is not between 5 and 100"));
    }

    @Test
    void expansionsFillIncludes() throws Exception {
        String token = sim.issueToken(SANDY);
        Set<String> referencedAuthors = new HashSet<>();
        Set<String> includedUsers = new HashSet<>();
        boolean sawMedia = false;
        boolean sawReference = false;
        String next = null;
        for (int i = 0; i < 3; i++) {
            JsonNode page = json.readTree(get(api("/2/users/" + SANDY + "/tweets?max_results=100"
                    + "&expansions=author_id,referenced_tweets.id,referenced_tweets.id.author_id,attachments.media_keys"
                    + "&tweet.fields=author_id,created_at,referenced_tweets,attachments,entities,lang"
                    + "&media.fields=url&user.fields=created_at" + (next == null ? "" : "&pagination_token=" + next)),
                    token).body());
            JsonNode includes = page.path("includes");
            includes.path("users").forEach(u -> includedUsers.add(u.path("id").asText()));
            includes.path("tweets").forEach(t -> referencedAuthors.add(t.path("author_id").asText()));
            for (JsonNode t : page.path("data")) {
                assertThat(t.path("author_id").asText()).isEqualTo(SANDY);
                if (t.has("referenced_tweets")) {
                    sawReference = true;
                }
                for (JsonNode key : t.path("attachments").path("media_keys")) {
                    sawMedia = true;
                    JsonNode media = find(includes.path("media"), "media_key", key.asText());
                    assertThat(media.path("type").asText()).isEqualTo("photo");
                    assertThat(media.path("url").asText()).startsWith("https://pbs.twimg.com/media/");
                }
            }
            next = page.path("meta").path("next_token").asText();
        }
        assertThat(sawMedia).isTrue();
        assertThat(sawReference).isTrue();
        assertThat(includedUsers).contains(SANDY);
        assertThat(referencedAuthors).isNotEmpty();
        assertThat(includedUsers).containsAll(referencedAuthors);
    }

    // ------------------------------------------------------------------ search

    @Test
    void searchFindsRecentTweetsByWord() throws Exception {
        String token = sim.issueToken(SAM);
        HttpResponse<String> answer = get(api("/2/tweets/search/recent?max_results=10&query="
                + enc("Climate") + "&tweet.fields=created_at,author_id"), token);
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode page = json.readTree(answer.body());
        assertThat(page.path("data").size()).isEqualTo(10);
        Instant weekAgo = Instant.now().minusSeconds(7 * 24 * 3600 + 120);
        for (JsonNode t : page.path("data")) {
            assertThat(t.path("text").asText().toLowerCase()).contains("climate");
            assertThat(Instant.parse(t.path("created_at").asText())).isAfter(weekAgo);
        }
        assertThat(page.path("meta").path("next_token").asText()).isNotBlank();

        JsonNode fromSandy = json.readTree(get(api("/2/tweets/search/recent?query=" + enc("#opendata from:sandy_archivist")
                + "&tweet.fields=author_id"), token).body());
        assertThat(fromSandy.path("data").size()).isPositive();
        fromSandy.path("data").forEach(t -> {
            assertThat(t.path("author_id").asText()).isEqualTo(SANDY);
            assertThat(t.path("text").asText().toLowerCase()).contains("#opendata");
        });

        HttpResponse<String> empty = get(api("/2/tweets/search/recent?query="), token);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json.readTree(empty.body()).path("title").asText()).isEqualTo("Invalid Request");
    }

    // ------------------------------------------------------------------ limits

    @Test
    void rateLimitHeadersOnEveryAnswerAnd429WhenSpent() throws Exception {
        String token = sim.issueToken(SAM);
        HttpResponse<String> last = null;
        for (int i = 1; i <= 40; i++) {
            last = get(api("/2/users/" + SAM + "/tweets?max_results=5"), token);
            assertThat(last.statusCode()).isEqualTo(200);
            assertThat(last.headers().firstValue("x-rate-limit-limit")).contains("40");
            assertThat(last.headers().firstValue("x-rate-limit-remaining")).contains(Integer.toString(40 - i));
        }
        long reset = Long.parseLong(last.headers().firstValue("x-rate-limit-reset").orElseThrow());
        assertThat(reset).isGreaterThan(Instant.now().getEpochSecond());

        HttpResponse<String> spent = get(api("/2/users/" + SAM + "/tweets?max_results=5"), token);
        assertThat(spent.statusCode()).isEqualTo(429);
        assertThat(spent.headers().firstValue("x-rate-limit-remaining")).contains("0");
        assertThat(json.readTree(spent.body())).isEqualTo(json.readTree(
                "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}"));

        HttpResponse<String> me = get(api("/2/users/me"), token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.headers().firstValue("x-rate-limit-limit")).contains("75");
        HttpResponse<String> otherToken = get(api("/2/users/" + SAM + "/tweets?max_results=5"), sim.issueToken(SAM));
        assertThat(otherToken.statusCode()).as("the window is the user's, not the token's").isEqualTo(429);
        HttpResponse<String> otherUser = get(api("/2/users/" + SAM + "/tweets?max_results=5"), sim.issueToken(EMMA));
        assertThat(otherUser.statusCode()).isEqualTo(200);
    }

    @Test
    void usageCapAnswers429WithRemaining() throws Exception {
        String token = sim.issueToken(SANDY);
        sim.setUsageCapped(true);
        try {
            HttpResponse<String> answer = get(api("/2/tweets/search/recent?query=python"), token);
            assertThat(answer.statusCode()).isEqualTo(429);
            assertThat(Integer.parseInt(answer.headers().firstValue("x-rate-limit-remaining").orElseThrow()))
                    .isPositive();
            JsonNode body = json.readTree(answer.body());
            assertThat(body.path("title").asText()).isEqualTo("UsageCapExceeded");
            assertThat(body.path("type").asText()).isEqualTo("https://api.twitter.com/2/problems/usage-capped");
            assertThat(body.path("period").asText()).isEqualTo("Monthly");
        } finally {
            sim.setUsageCapped(false);
        }
        assertThat(get(api("/2/tweets/search/recent?query=python"), token).statusCode()).isEqualTo(200);
    }

    @Test
    void callsAreCountedPerEndpoint() throws Exception {
        String token = sim.issueToken(SAM);
        int before = sim.callCount("users/me");
        get(api("/2/users/me"), token);
        get(api("/2/users/me"), token);
        assertThat(sim.callCount("users/me")).isEqualTo(before + 2);
    }

    // ------------------------------------------------------------------ helpers

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (n.path(field).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    private String api(String path) {
        return "http://localhost:" + port + SandboxClients.X_PATH + path;
    }

    private String authorizeUrl(String method) {
        return api("/i/oauth2/authorize?response_type=code&client_id=" + SandboxClients.X_CLIENT_ID
                + "&redirect_uri=" + enc(redirect) + "&scope=" + enc("tweet.read users.read offline.access")
                + "&state=abc&code_challenge=" + CHALLENGE + "&code_challenge_method=" + method);
    }

    private HttpResponse<String> decide(String decision, String userId, String state) throws Exception {
        return decide(decision, userId, state, redirect);
    }

    private HttpResponse<String> decide(String decision, String userId, String state, String redirectUri)
            throws Exception {
        Map<String, String> form = new HashMap<>();
        form.put("response_type", "code");
        form.put("client_id", SandboxClients.X_CLIENT_ID);
        form.put("redirect_uri", redirectUri);
        form.put("scope", "tweet.read users.read offline.access");
        form.put("state", state);
        form.put("code_challenge", CHALLENGE);
        form.put("code_challenge_method", "S256");
        form.put("user_id", userId);
        form.put("decision", decision);
        return post("/i/oauth2/authorize", null, form);
    }

    private String code(String userId) throws Exception {
        return query(decide("allow", userId, "s").headers().firstValue("Location").orElseThrow()).get("code");
    }

    private JsonNode exchange(String code, String verifier) throws Exception {
        HttpResponse<String> answer = tokenCall(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", redirect, "code_verifier", verifier));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    private HttpResponse<String> tokenCall(Map<String, String> form) throws Exception {
        return post("/2/oauth2/token", basic(SandboxClients.X_CLIENT_ID, SandboxClients.X_CLIENT_SECRET), form);
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String url, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String authorization, Map<String, String> form)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
