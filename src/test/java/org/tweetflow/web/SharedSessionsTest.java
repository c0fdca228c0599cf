package org.tweetflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.tweetflow.ContextTempDir;
import org.tweetflow.RoundRobinBalancer;
import org.tweetflow.TestPostgres;
import org.tweetflow.TestRedis;
import org.tweetflow.TweetflowApplication;
import org.tweetflow.member.Member;
import org.tweetflow.member.Members;
import org.tweetflow.sandbox.SandboxClients;
import org.tweetflow.sandbox.SandboxHttp;
import org.tweetflow.sandbox.x.XSimulator;

/**
 * Two instances on one Redis and one database, behind a round-robin balancer without session affinity (each
 * request goes to the other instance): a member signs in with Open Humans and connects X, every step of both OAuth
 * flows finding its session, whichever instance it reaches. Sessions live on Redis with the single machine's
 * cookie and timeout, change their id at sign-in and end at sign-out.
 */
class SharedSessionsTest {

    static final String SESSION_KEYS = "tweetflow:session:sessions:";

    static RoundRobinBalancer balancer;
    static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    /** The browser's session cookie (its value). */
    String session;

    @BeforeAll
    static void twoInstancesBehindTheBalancer() {
        balancer = RoundRobinBalancer.start();
        // one PostgreSQL, as replicas share: an embedded H2 beside Redis is refused at the start
        List<String> database = new ArrayList<>();
        TestPostgres.register((name, value) -> database.add("--" + name + "=" + value.get()), "shared_sessions");
        for (int i = 0; i < 2; i++) {
            ConfigurableApplicationContext instance = new SpringApplicationBuilder(TweetflowApplication.class)
                    .profiles("test").initializers(new ContextTempDir())
                    .run(Stream.concat(database.stream(), Stream.of("--server.port=0",
                            "--spring.data.redis.url=" + TestRedis.url(),
                            "--tweetflow.public-url=" + balancer.url(),
                            // not the default: the sessions on Redis must follow it as Tomcat's do
                            "--server.servlet.session.timeout=47m")).toArray(String[]::new));
            instances.add(instance);
            URI direct = URI.create("http://localhost:"
                    + ((ServletWebServerApplicationContext) instance).getWebServer().getPort());
            balancer.addBackend(direct);
            if (i == 0) {
                // the simulated X and Open Humans are one service, as the real ones are: the first instance's
                balancer.pin(SandboxClients.ROOT + "/", direct);
            }
        }
    }

    @AfterAll
    static void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
        balancer.close();
    }

    @Test
    void aMemberSignsInAndConnectsXWithEachRequestOnTheOtherInstance() throws Exception {
        HttpResponse<String> start = get("/oauth2/authorization/openhumans");
        String anonymous = session;
        assertThat(start.headers().allValues("Set-Cookie")).singleElement().satisfies(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("; Path=/").contains("; HttpOnly").contains("; SameSite=Lax"));
        String landed = authorize(start, Map.of("project_member_id", "10000001", "decision", "authorize"));
        assertThat(landed).isEqualTo(balancer.url() + "/connect");
        assertThat(session).as("a new session id at sign-in").isNotEqualTo(anonymous);
        assertThat(redis().hasKey(SESSION_KEYS + id(anonymous))).isFalse();
        assertThat(redis().getExpire(SESSION_KEYS + id(session))).isBetween(46 * 60L, 47 * 60L);

        Document connect = page(landed);
        String dashboard = authorize(get(connect.getElementById("connect-x").attr("href")),
                Map.of("user_id", XSimulator.SANDY, "decision", "allow"));

        assertThat(dashboard).isEqualTo(balancer.url() + "/dashboard");
        assertThat(page(dashboard).getElementById("account").text()).isEqualTo("@sandy_archivist");
        Member member = instances.get(1).getBean(Members.class).findByProjectMemberId("10000001").orElseThrow();
        assertThat(member.twitterUserId()).isEqualTo(XSimulator.SANDY);
        assertEveryRequestOfOursWentToTheOtherInstance();
    }

    @Test
    void aRedisThatDoesNotAnswerFailsARequestInSecondsNotAMinute() {
        assertThat(instances.get(0).getBean(LettuceConnectionFactory.class).getClientConfiguration()
                .getCommandTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aSessionThisVersionCannotReadIsNoSessionTheMemberSignsInAgain() throws Exception {
        authorize(get("/oauth2/authorization/openhumans"), Map.of("project_member_id", "10000003",
                "decision", "authorize"));
        String key = SESSION_KEYS + id(session);
        // what a Spring Security whose classes serialize differently left: not readable by this version
        redis().opsForHash().put(key, "sessionAttr:SPRING_SECURITY_CONTEXT", "written by another version");

        HttpResponse<String> dashboard = get("/dashboard");

        assertThat(dashboard.statusCode()).isEqualTo(302);
        assertThat(dashboard.headers().firstValue("Location")).as("sent to the landing page, signed out")
                .hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        assertThat(redis().hasKey(key)).as("the unreadable session, deleted whole").isFalse();
    }

    @Test
    void signingOutOnOneInstanceEndsTheSessionOnRedisForAll() throws Exception {
        HttpResponse<String> start = get("/oauth2/authorization/openhumans");
        String landed = authorize(start, Map.of("project_member_id", "10000002", "decision", "authorize"));
        Element signOut = page(landed).getElementById("sign-out").parent();
        String signedIn = session;
        assertThat(redis().hasKey(SESSION_KEYS + id(signedIn))).isTrue();

        HttpResponse<String> out = post(signOut.attr("action"), Map.of("_csrf",
                signOut.selectFirst("input[name=_csrf]").attr("value")));

        assertThat(out.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/?signed-out"));
        assertThat(redis().hasKey(SESSION_KEYS + id(signedIn))).isFalse();
        session = signedIn;
        for (int i = 0; i < 2; i++) {
            assertThat(get("/dashboard").headers().firstValue("Location")).as("sent to the landing page")
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        }
    }

    /**
     * Takes the provider's consent page the authorization start leads to, sends its form with {@code choices}, and
     * follows the redirects back into the service until they stop: the address they end at.
     */
    private String authorize(HttpResponse<String> start, Map<String, String> choices) throws Exception {
        assertThat(start.statusCode()).isEqualTo(302);
        Document consent = page(location(start));
        Element form = consent.selectFirst("form");
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.attr("value")));
        fields.putAll(choices);
        HttpResponse<String> answer = post(form.attr("action"), fields);
        while (answer.statusCode() == 302) {
            String next = location(answer);
            answer = get(next);
            if (answer.statusCode() == 200) {
                return next;
            }
        }
        throw new AssertionError("the flow stopped with " + answer.statusCode() + ": " + answer.body());
    }

    /** Strict alternation: the balancer gave each request of the member's browser (not the sandbox's) to the other. */
    private void assertEveryRequestOfOursWentToTheOtherInstance() {
        List<RoundRobinBalancer.Forwarded> ours = balancer.forwarded().stream()
                .filter(f -> !f.pathAndQuery().startsWith(SandboxClients.ROOT + "/")).toList();
        assertThat(ours).extracting(RoundRobinBalancer.Forwarded::pathAndQuery)
                .anyMatch(p -> p.startsWith("/login/oauth2/code/openhumans?"))
                .anyMatch(p -> p.startsWith("/connect/twitter/callback?"));
        for (int i = 1; i < ours.size(); i++) {
            assertThat(ours.get(i).backend()).isNotEqualTo(ours.get(i - 1).backend());
        }
    }

    private Document page(String url) throws Exception {
        HttpResponse<String> answer = get(url);
        assertThat(answer.statusCode()).as(url).isEqualTo(200);
        return Jsoup.parse(answer.body(), url);
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(absolute(url)).header("Accept", "text/html").GET());
    }

    private HttpResponse<String> post(String url, Map<String, String> form) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(absolute(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(SandboxHttp.form(form))));
    }

    /** One request as a browser sends it to the balancer: with the session cookie, keeping the one it is given. */
    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .forEach(c -> session = c.substring("JSESSIONID=".length(), c.indexOf(';')));
        return answer;
    }

    private URI absolute(String url) {
        return balancer.url().resolve(url);
    }

    private static String location(HttpResponse<?> answer) {
        return answer.uri().resolve(answer.headers().firstValue("Location").orElseThrow()).toString();
    }

    /** Spring Session's cookie carries the session id in Base64. */
    private static String id(String cookie) {
        return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
    }

    private static StringRedisTemplate redis() {
        return new StringRedisTemplate(instances.get(0).getBean(RedisConnectionFactory.class));
    }
}
