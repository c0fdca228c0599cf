package org.tweetflow.collect.summary;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Each author's followers and following as last seen: later pages overwrite earlier ones, and a recurring
 * collection appends its newer runs at the end of the file, so the figures are the freshest X gave. One instance
 * may serve both count-followers.csv and follow-ratio.csv in the same pass: a post seen twice in a row is taken
 * once.
 */
final class AuthorMetrics {

    /** {followers, following} per author key. */
    private final Map<String, long[]> byAuthor = new HashMap<>();
    private JsonNode lastTweet;

    void see(JsonNode tweet, PageIncludes includes) {
        if (tweet == lastTweet) {
            return;
        }
        lastTweet = tweet;
        JsonNode author = includes.author(tweet);
        if (author == null || !author.hasNonNull("username")) {
            return;
        }
        JsonNode metrics = author.get("public_metrics");
        if (metrics == null || !metrics.has("followers_count")) {
            return;
        }
        long[] figures = byAuthor.computeIfAbsent(PostFields.authorKey(tweet, includes), key -> new long[2]);
        figures[0] = metrics.path("followers_count").asLong();
        figures[1] = metrics.path("following_count").asLong();
    }

    Map<String, long[]> byAuthor() {
        return byAuthor;
    }
}
