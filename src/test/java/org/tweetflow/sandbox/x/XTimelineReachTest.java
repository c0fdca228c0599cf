package org.tweetflow.sandbox.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tweetflow.sandbox.SandboxHttp.json;
import static org.tweetflow.sandbox.x.XRefusal.refusalMessage;
import static org.tweetflow.sandbox.x.XSimulator.EMMA;
import static org.tweetflow.sandbox.x.XSimulator.SANDY;
import static org.tweetflow.sandbox.x.XSimulator.VETERAN;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tweetflow.sandbox.SandboxTest;

/** How deep the timeline reaches: the 3,200 newest posts (800 without replies), and no data past them. */
@SandboxTest
class XTimelineReachTest {

    @Autowired
    XSimulator sim;

    @Autowired
    XApi x;

    @Test
    void timelineAnswersWithoutDataForPostsOlderThanTheNewest3200() throws Exception {
        List<Tweet> reachable = sim.reachable(VETERAN);
        Instant oldestReachable = reachable.get(reachable.size() - 1).createdAt().truncatedTo(ChronoUnit.SECONDS);
        long postedBefore = sim.posts(VETERAN).stream().filter(t -> !t.withheld()
                && !t.createdAt().isBefore(XTimeWindow.TIMELINE_FLOOR) && t.createdAt().isBefore(oldestReachable))
                .count();
        assertThat(postedBefore).isPositive();

        HttpResponse<String> answer = x.timeline(VETERAN, "start_time=2010-11-06T00:00:00Z&end_time=" + oldestReachable);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json(answer)).isEqualTo(json("{\"meta\":{\"result_count\":0}}"));
    }

    @Test
    void timelineWithoutRepliesLooksAtThe800NewestPostsOnly() throws Exception {
        String token = sim.issueToken(SANDY);
        List<String> ids = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = json(x.get("/2/users/" + SANDY + "/tweets?max_results=100&exclude=replies"
                    + "&tweet.fields=referenced_tweets" + (next == null ? "" : "&pagination_token=" + next), token));
            for (JsonNode t : page.path("data")) {
                ids.add(t.path("id").asText());
                t.path("referenced_tweets").forEach(r -> assertThat(r.path("type").asText()).isNotEqualTo("replied_to"));
            }
            next = page.path("meta").path("next_token").asText(null);
        } while (next != null);
        List<String> expected = sim.reachable(SANDY, XSimulator.REACHABLE_WITHOUT_REPLIES).stream()
                .filter(t -> !t.withheld() && t.referencedTweets().stream().noneMatch(r -> r.type().equals("replied_to")))
                .map(Tweet::idString).toList();
        assertThat(ids).isEqualTo(expected).hasSizeLessThan(800);
    }

    @Test
    void timelineRefusesAnUndocumentedExclusion() throws Exception {
        assertThat(refusalMessage(x.timeline(SANDY, "exclude=quotes")))
                .isEqualTo("The `exclude` query parameter value [quotes] is not one of [replies,retweets]");
    }

    @Test
    void timelineWithoutRetweetsLeavesThemOut() throws Exception {
        JsonNode page = json(x.timeline(SANDY, "max_results=100&exclude=retweets&tweet.fields=referenced_tweets"));
        assertThat(page.path("data").size()).isPositive();
        page.path("data").forEach(t -> t.path("referenced_tweets")
                .forEach(r -> assertThat(r.path("type").asText()).isNotEqualTo("retweeted")));
    }

    @Test
    void emptyResultHasNoDataField() throws Exception {
        HttpResponse<String> answer = x.timeline(EMMA);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json(answer).has("data")).isFalse();
        assertThat(json(answer).at("/meta/result_count").asInt()).isZero();
    }

    @Test
    void veteranPostsReachableFromTheTimelineAreTheNewest3200() throws Exception {
        List<String> reachable = sim.reachableTweetIds(VETERAN);
        assertThat(sim.tweetCount(VETERAN)).isGreaterThan(XSimulator.REACHABLE);
        assertThat(reachable.size()).isBetween(3100, 3200);
        Set<String> newest = Set.copyOf(sim.posts(VETERAN).subList(sim.tweetCount(VETERAN) - 3200,
                sim.tweetCount(VETERAN)).stream().map(Tweet::idString).toList());
        assertThat(newest).containsAll(reachable);
    }
}
