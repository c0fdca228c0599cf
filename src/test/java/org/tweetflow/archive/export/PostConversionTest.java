package org.tweetflow.archive.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tweetflow.archive.export.ExportFixtures.JSON;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** An exported post (v1.1, numbers as strings, text escaped) in the archive's v2 shape. */
class PostConversionTest {

    private final PostConversion conversion = new PostConversion();

    @Test
    void unescapesTheTextOnceAsItWasPosted() throws IOException {
        JsonNode tweet = tweet("""
                {"id_str":"1","created_at":"Fri Aug 09 23:11:41 +0000 2019",
                 "full_text":"fish &amp; chips &lt;3 -&gt; &amp;amp; &quot;"}""");

        assertThat(tweet.path("text").asText()).isEqualTo("fish & chips <3 -> &amp; &quot;");
    }

    @Test
    void givesTheDateInIsoUtcWithMillis() throws IOException {
        JsonNode tweet = tweet("""
                {"id_str":"1","created_at":"Fri Aug 09 23:11:41 +0200 2019","full_text":"x"}""");

        assertThat(tweet.path("created_at").asText()).isEqualTo("2019-08-09T21:11:41.000Z");
    }

    @Test
    void placesEntitiesByCodePointsOfThePostedText() throws IOException {
        // escaped: 😀=0 ' '=1 "&amp;"=2..6 ' '=7 "#tag"=8..11 ' '=12 "@bob"=13..16 ' '=17 url=18..40 ' '=41 "$ACME"=42..46
        JsonNode tweet = tweet("""
                {"id_str":"1","created_at":"Fri Aug 09 23:11:41 +0000 2019",
                 "full_text":"😀 &amp; #tag @bob https://t.co/abcdefghij $ACME",
                 "entities":{"hashtags":[{"text":"tag","indices":["8","12"]}],
                   "user_mentions":[{"screen_name":"bob","id_str":"99","indices":["13","17"]}],
                   "urls":[{"url":"https://t.co/abcdefghij","expanded_url":"https://example.org/a",
                            "display_url":"example.org/a","indices":["18","41"]}],
                   "symbols":[{"text":"ACME","indices":["42","47"]}]}}""");

        String text = tweet.path("text").asText();
        JsonNode entities = tweet.path("entities");
        assertThat(slice(text, entities.path("hashtags").get(0))).isEqualTo("#tag");
        assertThat(slice(text, entities.path("mentions").get(0))).isEqualTo("@bob");
        assertThat(slice(text, entities.path("urls").get(0))).isEqualTo("https://t.co/abcdefghij");
        assertThat(slice(text, entities.path("cashtags").get(0))).isEqualTo("$ACME");
        assertThat(entities.path("hashtags").toString()).isEqualTo("[{\"start\":4,\"end\":8,\"tag\":\"tag\"}]");
        assertThat(entities.path("mentions").get(0).path("id").asText()).isEqualTo("99");
        assertThat(entities.path("urls").get(0).path("expanded_url").asText()).isEqualTo("https://example.org/a");
    }

    @Test
    void aReplyNamesThePostAndTheUserItAnswers() throws IOException {
        JsonNode tweet = tweet("""
                {"id_str":"5","created_at":"Fri Aug 09 23:11:41 +0000 2019","full_text":"@bob yes",
                 "in_reply_to_status_id_str":"4","in_reply_to_user_id_str":"99"}""");

        assertThat(tweet.path("referenced_tweets").toString()).isEqualTo("[{\"type\":\"replied_to\",\"id\":\"4\"}]");
        assertThat(tweet.path("in_reply_to_user_id").asText()).isEqualTo("99");
    }

    @Test
    void aRetweetKeepsItsTextButNamesNoOriginalTheExportLacks() throws IOException {
        JsonNode tweet = tweet("""
                {"id_str":"6","created_at":"Fri Aug 09 23:11:41 +0000 2019",
                 "full_text":"RT @bob: look https://t.co/abc",
                 "entities":{"urls":[{"url":"https://t.co/abc","expanded_url":"https://twitter.com/carl/status/3",
                   "indices":["14","30"]}]}}""");

        assertThat(tweet.path("text").asText()).isEqualTo("RT @bob: look https://t.co/abc");
        assertThat(tweet.has("referenced_tweets")).isFalse();
    }

    @Test
    void aPostLinkEndingTheTextIsAQuoteAndOneInsideItIsNot() throws IOException {
        JsonNode quote = tweet("""
                {"id_str":"7","created_at":"Fri Aug 09 23:11:41 +0000 2019","full_text":"so true https://t.co/q ",
                 "entities":{"urls":[{"url":"https://t.co/q","expanded_url":"https://x.com/carl/status/3?s=20",
                   "indices":["8","22"]}]}}""");
        JsonNode link = tweet("""
                {"id_str":"8","created_at":"Fri Aug 09 23:11:41 +0000 2019","full_text":"see https://t.co/q first",
                 "entities":{"urls":[{"url":"https://t.co/q","expanded_url":"https://twitter.com/carl/status/3",
                   "indices":["4","18"]}]}}""");

        assertThat(quote.path("referenced_tweets").toString()).isEqualTo("[{\"type\":\"quoted\",\"id\":\"3\"}]");
        assertThat(link.has("referenced_tweets")).isFalse();
    }

    @Test
    void takesEveryPhotoFromTheExtendedEntities() throws IOException {
        ObjectNode line = line("""
                {"id_str":"9","created_at":"Fri Aug 09 23:11:41 +0000 2019","full_text":"two https://t.co/m",
                 "entities":{"media":[{"id_str":"100","type":"photo","url":"https://t.co/m","indices":["4","18"],
                   "media_url_https":"https://pbs.twimg.com/media/a.jpg"}]},
                 "extended_entities":{"media":[
                   {"id_str":"100","type":"photo","url":"https://t.co/m","indices":["4","18"],
                    "media_url_https":"https://pbs.twimg.com/media/a.jpg"},
                   {"id_str":"101","type":"photo","url":"https://t.co/m","indices":["4","18"],
                    "media_url_https":"https://pbs.twimg.com/media/b.jpg"},
                   {"id_str":"102","type":"video","url":"https://t.co/m","indices":["4","18"],
                    "media_url_https":"https://pbs.twimg.com/thumb/c.jpg"}]}}""");

        assertThat(line.path("tweet").path("attachments").path("media_keys").toString())
                .isEqualTo("[\"3_100\",\"3_101\",\"7_102\"]");
        assertThat(line.path("media").toString()).isEqualTo("[{\"media_key\":\"3_100\",\"type\":\"photo\","
                + "\"url\":\"https://pbs.twimg.com/media/a.jpg\"},{\"media_key\":\"3_101\",\"type\":\"photo\","
                + "\"url\":\"https://pbs.twimg.com/media/b.jpg\"},{\"media_key\":\"7_102\",\"type\":\"video\","
                + "\"preview_image_url\":\"https://pbs.twimg.com/thumb/c.jpg\"}]");
        assertThat(line.path("tweet").path("entities").path("urls").findValuesAsText("media_key"))
                .containsExactly("3_100", "3_101", "7_102");
    }

    @Test
    void keepsTheCountsSourceEditsAndMarkOfTheExport() throws IOException {
        JsonNode tweet = tweet("""
                {"id_str":"11","created_at":"Fri Aug 09 23:11:41 +0000 2019","full_text":"edited","lang":"de",
                 "favorite_count":"7","retweet_count":"3","possibly_sensitive":false,
                 "source":"<a href=\\"http://twitter.com/download/android\\" rel=\\"nofollow\\">Twitter for Android</a>",
                 "edit_info":{"initial":{"editTweetIds":["10","11"],"editsRemaining":"4"}}}""");

        assertThat(tweet.path("public_metrics").toString()).isEqualTo("{\"retweet_count\":3,\"like_count\":7}");
        assertThat(tweet.path("source").asText()).isEqualTo("Twitter for Android");
        assertThat(tweet.path("edit_history_tweet_ids").toString()).isEqualTo("[\"10\",\"11\"]");
        assertThat(tweet.path("lang").asText()).isEqualTo("de");
        assertThat(tweet.path("possibly_sensitive").isBoolean()).isTrue();
        assertThat(tweet.path("from_export").asBoolean()).isTrue();
        assertThat(tweet.has("author_id")).as("the import adds the account as author").isFalse();
    }

    @Test
    void keepsTheSmallSequentialIdsOfTheFirstPostsAsTheyAre() throws IOException {
        JsonNode tweet = tweet("""
                {"id_str":"20","id":"20","created_at":"Tue Mar 21 20:50:14 +0000 2006","full_text":"just setting up"}""");

        assertThat(tweet.path("id").asText()).isEqualTo("20");
        assertThat(tweet.path("edit_history_tweet_ids").toString()).isEqualTo("[\"20\"]");
        assertThat(tweet.path("created_at").asText()).isEqualTo("2006-03-21T20:50:14.000Z");
    }

    @Test
    void anItemWithoutIdOrDateIsNoPost() throws IOException {
        assertThat(conversion.convert(JSON.readTree("{\"full_text\":\"x\"}"))).isEmpty();
        assertThat(conversion.convert(JSON.readTree("{\"id_str\":\"1\",\"created_at\":\"yesterday\"}"))).isEmpty();
    }

    private JsonNode tweet(String v1) throws IOException {
        return line(v1).path("tweet");
    }

    private ObjectNode line(String v1) throws IOException {
        ConvertedPost post = conversion.convert(JSON.readTree("{\"tweet\":" + v1 + "}")).orElseThrow();
        assertThat(post.createdAt()).isBefore(Instant.now());
        return post.line();
    }

    private static String slice(String text, JsonNode entity) {
        int start = text.offsetByCodePoints(0, entity.path("start").asInt());
        int end = text.offsetByCodePoints(0, entity.path("end").asInt());
        return text.substring(start, end);
    }
}
