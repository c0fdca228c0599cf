package org.tweetflow.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class XAnswersTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    final XAnswers answers = new XAnswers(new ObjectMapper(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void tooManyRequestsWithNothingRemainingIsTheWindowLimitUntilXsWindowHasRolled() {
        Map<String, Object> headers = Map.of("x-rate-limit-limit", "900", "x-rate-limit-remaining", "0",
                "x-rate-limit-reset", "1764065700");

        assertThatThrownBy(() -> answers.check(429, headers::get,
                "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}"))
                .isInstanceOfSatisfying(XApiException.RateLimited.class, e -> {
                    assertThat(e.usageCap()).isFalse();
                    assertThat(e.retryAt()).as("the reset and the roll margin")
                            .isEqualTo(Instant.ofEpochSecond(1764065702L));
                });
    }

    @Test
    void tooManyRequestsWithCallsRemainingIsTheMonthlyUsageCap() {
        Map<String, Object> headers = Map.of("x-rate-limit-limit", "900", "x-rate-limit-remaining", "850",
                "x-rate-limit-reset", "1764065700");

        assertThatThrownBy(() -> answers.check(429, headers::get, "{\"title\":\"UsageCapExceeded\","
                + "\"type\":\"https://api.twitter.com/2/problems/usage-capped\"}"))
                .isInstanceOfSatisfying(XApiException.RateLimited.class, e -> assertThat(e.usageCap()).isTrue());
    }

    @Test
    void statusesMapToWhatCanBeDoneAboutThem() {
        Map<String, Object> none = Map.of();
        assertThatThrownBy(() -> answers.check(503, none::get, "")).isInstanceOf(XApiException.Transient.class);
        assertThatThrownBy(() -> answers.check(401, none::get, "{\"title\":\"Unauthorized\",\"status\":401}"))
                .isInstanceOf(XApiException.Unauthorized.class);
        assertThatThrownBy(() -> answers.check(400, none::get, "{\"title\":\"Invalid Request\"}"))
                .isInstanceOf(XApiException.Rejected.class).hasMessageContaining("Invalid Request");
    }

    @Test
    void pageKeepsTweetsIncludesAndNextToken() {
        TimelinePage page = answers.page("""
                {"data":[{"id":"1900000000000000002","text":"newer","author_id":"1400000000000000002",
                          "edit_history_tweet_ids":["1900000000000000002"]},
                         {"id":"1900000000000000001","text":"older","edit_history_tweet_ids":["1900000000000000001"]}],
                 "includes":{"users":[{"id":"1400000000000000002","name":"Small Sam","username":"small_sam"}]},
                 "meta":{"result_count":2,"newest_id":"1900000000000000002","oldest_id":"1900000000000000001",
                         "next_token":"7140dibdnow9c7btw4b0t3w5fhxm9e7bavjeq0ov3ivdc"}}""");

        assertThat(page.tweets()).extracting(t -> t.path("text").asText()).containsExactly("newer", "older");
        assertThat(page.includes().referencedBy(page.tweets()).get("users")).extracting(u -> u.path("username")
                .asText()).containsExactly("small_sam");
        assertThat(page.nextToken()).isEqualTo("7140dibdnow9c7btw4b0t3w5fhxm9e7bavjeq0ov3ivdc");
    }

    @Test
    void pageGivesThePostsAndTheirIncludedPostsTextAsPosted() {
        // escaped as X's v2 API sends text (twarc-csv's entities_test.jsonl); a posted "&amp;" comes as "&amp;amp;"
        TimelinePage page = answers.page("""
                {"data":[{"id":"1574186889686441985","created_at":"2022-09-25T23:59:36.000Z",
                          "text":"RT @illesgergo_eu: the comeback of Conte &amp; M5S \u2026 salvini &gt; meloni &lt;3",
                          "edit_history_tweet_ids":["1574186889686441985"]},
                         {"id":"1574186889686441984","text":"write &amp;amp; for &amp;",
                          "referenced_tweets":[{"type":"quoted","id":"1574180000000000000"}],
                          "edit_history_tweet_ids":["1574186889686441984"]}],
                 "includes":{"tweets":[{"id":"1574180000000000000","text":"Conte &amp; M5S"}]},
                 "meta":{"result_count":2}}""");

        assertThat(page.tweets()).extracting(t -> t.path("text").asText()).containsExactly(
                "RT @illesgergo_eu: the comeback of Conte & M5S \u2026 salvini > meloni <3", "write &amp; for &");
        assertThat(page.includes().referencedBy(page.tweets()).get("tweets")).extracting(t -> t.path("text")
                .asText()).containsExactly("Conte & M5S");
    }

    @Test
    void aPostsEntitiesMoveWithItsTextOntoTheTextAsPosted() {
        // X counts start and end in code points of the escaped text: after "&amp;" they are 4 further on
        TimelinePage page = answers.page("""
                {"data":[{"id":"1574186889686441985","text":"Conte &amp; M5S #elezioni \uD83D\uDDF3 @meloni",
                          "entities":{"hashtags":[{"start":16,"end":25,"tag":"elezioni"}],
                                      "mentions":[{"start":28,"end":35,"username":"meloni"}]},
                          "edit_history_tweet_ids":["1574186889686441985"]}],
                 "meta":{"result_count":1}}""");

        JsonNode post = page.tweets().get(0);
        String text = post.path("text").asText();
        assertThat(text).isEqualTo("Conte & M5S #elezioni \uD83D\uDDF3 @meloni");
        JsonNode hashtag = post.at("/entities/hashtags/0");
        assertThat(hashtag.path("start").asInt()).isEqualTo(12);
        assertThat(text.substring(text.offsetByCodePoints(0, hashtag.path("start").asInt()),
                text.offsetByCodePoints(0, hashtag.path("end").asInt()))).isEqualTo("#elezioni");
        JsonNode mention = post.at("/entities/mentions/0");
        assertThat(text.substring(text.offsetByCodePoints(0, mention.path("start").asInt()),
                text.offsetByCodePoints(0, mention.path("end").asInt()))).isEqualTo("@meloni");
    }

    @Test
    void emptyPageHasNoDataAndNoToken() {
        TimelinePage page = answers.page("{\"meta\":{\"result_count\":0}}");

        assertThat(page.tweets()).isEmpty();
        assertThat(page.nextToken()).isNull();
    }

    @Test
    void malformedBodyFailsWithAClearReason() {
        assertThatThrownBy(() -> answers.page("{\"data\":[{\"id\":\"1\",\"text\":\"cut off"))
                .isInstanceOf(XApiException.Rejected.class).hasMessageContaining("malformed");
        assertThatThrownBy(() -> answers.page("[]"))
                .isInstanceOf(XApiException.Rejected.class).hasMessageContaining("malformed");
    }
}
