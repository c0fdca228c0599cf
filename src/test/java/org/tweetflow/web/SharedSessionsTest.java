package org.tweetflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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

    final HttpBrowser browser = new HttpBrowser(HttpBrowser.client(), balancer.url());

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
        HttpResponse<String> start = browser.get("/oauth2/authorization/openhumans");
        String anonymous = browser.session();
        assertThat(start.headers().allValues("Set-Cookie")).singleElement().satisfies(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("; Path=/").contains("; HttpOnly").contains("; SameSite=Lax"));
        String landed = browser.authorize(start, Map.of("project_member_id", "10000001", "decision", "authorize"));
        assertThat(landed).isEqualTo(balancer.url() + "/connect");
        assertThat(browser.session()).as("a new session id at sign-in").isNotEqualTo(anonymous);
        assertThat(redis().hasKey(SESSION_KEYS + id(anonymous))).isFalse();
        assertThat(redis().getExpire(SESSION_KEYS + id(browser.session()))).isBetween(46 * 60L, 47 * 60L);

        String dashboard = browser.connectX(XSimulator.SANDY);

        assertThat(dashboard).isEqualTo(balancer.url() + "/dashboard");
        assertThat(browser.page(dashboard).getElementById("account").text()).isEqualTo("@sandy_archivist");
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
        browser.signIn("10000003");
        String key = SESSION_KEYS + id(browser.session());
        // what a Spring Security whose classes serialize differently left: not readable by this version
        redis().opsForHash().put(key, "sessionAttr:SPRING_SECURITY_CONTEXT", "written by another version");

        HttpResponse<String> dashboard = browser.get("/dashboard");

        assertThat(dashboard.statusCode()).isEqualTo(302);
        assertThat(dashboard.headers().firstValue("Location")).as("sent to the landing page, signed out")
                .hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        assertThat(redis().hasKey(key)).as("the unreadable session, deleted whole").isFalse();
    }

    @Test
    void signingOutOnOneInstanceEndsTheSessionOnRedisForAll() throws Exception {
        String landed = browser.signIn("10000002");
        Element signOut = browser.page(landed).getElementById("sign-out").parent();
        String signedIn = browser.session();
        assertThat(redis().hasKey(SESSION_KEYS + id(signedIn))).isTrue();

        HttpResponse<String> out = browser.post(signOut.attr("action"), Map.of("_csrf",
                signOut.selectFirst("input[name=_csrf]").attr("value")));

        assertThat(out.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/?signed-out"));
        assertThat(redis().hasKey(SESSION_KEYS + id(signedIn))).isFalse();
        browser.session(signedIn);
        for (int i = 0; i < 2; i++) {
            assertThat(browser.get("/dashboard").headers().firstValue("Location")).as("sent to the landing page")
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        }
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

    /** Spring Session's cookie carries the session id in Base64. */
    private static String id(String cookie) {
        return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
    }

    private static StringRedisTemplate redis() {
        return new StringRedisTemplate(instances.get(0).getBean(RedisConnectionFactory.class));
    }
}
