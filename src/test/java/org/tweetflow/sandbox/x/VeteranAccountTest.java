package org.tweetflow.sandbox.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tweetflow.sandbox.SandboxHttp.json;
import static org.tweetflow.sandbox.x.XSimulator.VETERAN;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tweetflow.config.TweetflowProperties;
import org.tweetflow.sandbox.SandboxClients;
import org.tweetflow.sandbox.SandboxHttp;
import org.tweetflow.sandbox.SandboxTest;

/** The demo account from 2007: older than the timeline's floor and with more posts than the API reaches. */
@SandboxTest
class VeteranAccountTest {

    @Autowired
    XSimulator sim;

    @Autowired
    XApi x;
    @Autowired
    TweetflowProperties properties;

    @Test
    void veteranWasCreatedInMarch2007AndHasFourThousandPosts() throws Exception {
        assertThat(sim.accountCreatedAt(VETERAN)).contains(Instant.parse("2007-03-14T18:02:00Z"));
        assertThat(sim.tweetCount(VETERAN)).isEqualTo(4000);
        List<Tweet> posts = sim.posts(VETERAN);
        assertThat(posts.get(0).createdAt()).isBefore(Instant.parse("2007-04-01T00:00:00Z"));
        assertThat(posts.get(posts.size() - 1).createdAt()).isAfter(Instant.now().minus(Duration.ofDays(30)));
        assertThat(posts.stream().filter(t -> t.createdAt().isBefore(XTimeWindow.TIMELINE_FLOOR)).count())
                .isGreaterThan(500);

        HttpResponse<String> me = x.me(VETERAN, "user.fields=created_at,public_metrics");
        assertThat(json(me).at("/data/username").asText()).isEqualTo("veteran_vera");
        assertThat(json(me).at("/data/created_at").asText()).isEqualTo("2007-03-14T18:02:00.000Z");
        assertThat(json(me).at("/data/public_metrics/tweet_count").asInt()).isEqualTo(4000);
    }

    @Test
    void veteranPostIdsGrowWithTimeAcrossTheSnowflakeEpoch() {
        List<Tweet> byId = sim.posts(VETERAN);
        for (int i = 1; i < byId.size(); i++) {
            assertThat(byId.get(i).createdAt()).isAfterOrEqualTo(byId.get(i - 1).createdAt());
        }
        assertThat(byId.get(0).id()).isPositive();
        assertThat(byId.stream().filter(t -> t.createdAt().toEpochMilli() < XSimulator.TWITTER_EPOCH)).isNotEmpty();
    }

    @Test
    void veteranPostsHaveTheVarietyOfARealAccount() {
        List<Tweet> posts = sim.posts(VETERAN);
        assertThat(posts).anyMatch(t -> hasReference(t, "retweeted")).anyMatch(t -> hasReference(t, "quoted"))
                .anyMatch(t -> hasReference(t, "replied_to")).anyMatch(t -> !t.mediaKeys().isEmpty())
                .anyMatch(t -> t.pollId() != null).anyMatch(t -> t.placeId() != null)
                .anyMatch(t -> t.text().contains(" with @")).anyMatch(t -> t.text().contains("#"))
                .anyMatch(Tweet::withheld);
        // What X did not offer yet is not in the old posts: no native retweet before 2009-11, no poll before 2015-10.
        assertThat(posts).noneMatch(t -> hasReference(t, "retweeted")
                && t.createdAt().isBefore(Instant.parse("2009-11-06T00:00:00Z")));
        assertThat(posts).noneMatch(t -> t.pollId() != null && t.createdAt().isBefore(Instant.parse("2015-10-21T00:00:00Z")));
    }

    @Test
    void someVeteranPostsCarryTheCharactersXEscapesBeforeTheFloorAndWithinReach() {
        List<Tweet> marked = sim.posts(VETERAN).stream().filter(t -> t.text().contains("& <maps>")).toList();
        assertThat(marked).hasSizeGreaterThan(10);
        assertThat(marked).anyMatch(t -> t.createdAt().isBefore(XTimeWindow.TIMELINE_FLOOR))
                .anyMatch(t -> sim.reachableTweetIds(VETERAN).contains(t.idString()));
    }

    @Test
    void veteranIsTheSameOnEveryStart() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-05T12:00:00Z"), ZoneOffset.UTC);
        SimulationProperties properties = new SimulationProperties(Duration.ofMinutes(1), 15, 30, 75, 45, 150,
                Duration.ZERO);
        List<Tweet> first = new XSimulator(clock, properties).posts(VETERAN);
        List<Tweet> second = new XSimulator(clock, properties).posts(VETERAN);
        assertThat(first).hasSize(4000).isEqualTo(second);
    }

    @Test
    void authorizePageOffersTheVeteran() throws Exception {
        HttpResponse<String> page = x.page("/i/oauth2/authorize?response_type=code&client_id="
                + SandboxClients.X_CLIENT_ID + "&redirect_uri=" + SandboxHttp.enc(SandboxClients.xCallback(
                        properties.publicUrl())) + "&scope=tweet.read&state=s"
                + "&code_challenge=abc&code_challenge_method=S256");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("veteran_vera").contains("value=\"" + VETERAN + "\"");
        assertThat(sim.demoAccounts()).extracting(XSimulator.Account::username).contains("veteran_vera");
    }

    private static boolean hasReference(Tweet t, String type) {
        return t.referencedTweets().stream().anyMatch(r -> r.type().equals(type));
    }
}
