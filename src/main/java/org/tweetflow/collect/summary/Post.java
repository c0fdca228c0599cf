package org.tweetflow.collect.summary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One post as the summaries use it, read once from its tree and its page's includes on the page reader's thread:
 * each summary used to look up the same fields in the tree again (hashtags three times, the author four), and the
 * trees waiting in the queue outlived young collections. Keys are as the summaries count them (lowercased where
 * X is case-insensitive); {@link #row} is the post's tweets.csv row.
 *
 * @param id the post id
 * @param createdAt null when missing or unreadable
 * @param authorKey the author as the summaries key users ({@link PostFields#authorKey}); null for a post without
 *        author
 * @param figures the author's followers and following as this page gave them; null when the page gave none
 * @param lang empty when missing
 * @param hashtags lowercased, each as often as it appears
 * @param mentions the usernames mentioned, lowercased
 * @param urls the links, expanded, without the post's own media links
 * @param photos the photos attached, in order: media the page did not include and videos are left out
 * @param retweeted the id of the post this one retweets, as written (read as a number by the one summary that
 *        needs it, so that a malformed one fails that summary only); null when none
 */
public record Post(long id, Instant createdAt, String authorKey, Figures figures, String lang, List<String> hashtags,
        List<String> mentions, List<String> urls, List<Photo> photos, String retweeted, String[] row) {

    /** An author's followers and following. */
    public record Figures(long followers, long following) {
    }

    /** A photo: its media key and URL. */
    public record Photo(String key, String url) {
    }

    /** The post {@code tweet} of a page whose includes are {@code includes}; {@code id} read already. */
    static Post of(long id, JsonNode tweet, PageIncludes includes) {
        List<String> hashtags = new ArrayList<>(2);
        PostFields.hashtags(tweet, hashtags::add);
        List<String> mentions = new ArrayList<>(2);
        PostFields.mentions(tweet, mentions::add);
        List<String> urls = new ArrayList<>(2);
        PostFields.urls(tweet, urls::add);
        return new Post(id, PostFields.createdAt(tweet), PostFields.authorKey(tweet, includes),
                figures(tweet, includes), PostFields.text(tweet, "lang"), hashtags, mentions, urls,
                photos(tweet, includes), PostFields.referenced(tweet, "retweeted"), TweetRow.of(tweet, includes));
    }

    /** The id as the post gives it (tweets.csv's first column). */
    public String idText() {
        return row[0];
    }

    /** The author's figures when the page included the author with a username and followers_count. */
    private static Figures figures(JsonNode tweet, PageIncludes includes) {
        JsonNode author = includes.author(tweet);
        if (author == null || !author.hasNonNull("username")) {
            return null;
        }
        JsonNode metrics = author.get("public_metrics");
        if (metrics == null || !metrics.has("followers_count")) {
            return null;
        }
        return new Figures(metrics.path("followers_count").asLong(), metrics.path("following_count").asLong());
    }

    private static List<Photo> photos(JsonNode tweet, PageIncludes includes) {
        JsonNode keys = tweet.path("attachments").path("media_keys");
        if (keys.isEmpty()) {
            return List.of();
        }
        List<Photo> photos = new ArrayList<>(keys.size());
        for (JsonNode key : keys) {
            JsonNode media = includes.media().get(key.asText());
            if (media != null && "photo".equals(media.path("type").asText())) {
                photos.add(new Photo(key.asText(), PostFields.text(media, "url")));
            }
        }
        return photos;
    }
}
