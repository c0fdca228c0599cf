package org.tweetflow.collect.summary;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** One post as a row of {@code tweets.csv} (and {@code sample.csv}); docs/collections.md "Collection outputs" explains each column. */
final class TweetRow {

    static final List<String> COLUMNS = List.of("id", "created_at", "author_id", "author_username", "author_name",
            "text", "lang", "hashtags", "mentions", "urls", "media_keys", "media_urls", "conversation_id",
            "in_reply_to_user_id", "replied_to_id", "retweeted_id", "quoted_id", "retweet_count", "reply_count",
            "like_count", "quote_count", "place_id", "place_full_name", "place_country_code", "source", "tweet_url");

    private TweetRow() {
    }

    static String[] of(JsonNode tweet, PageIncludes includes) {
        JsonNode author = includes.author(tweet);
        JsonNode metrics = tweet.get("public_metrics");
        String placeId = PostFields.text(tweet.get("geo"), "place_id");
        JsonNode place = placeId.isEmpty() ? null : includes.places().get(placeId);
        String id = PostFields.text(tweet, "id");
        String username = PostFields.text(author, "username");
        return new String[] {
            id,
            PostFields.text(tweet, "created_at"),
            PostFields.text(tweet, "author_id"),
            username,
            SpreadsheetText.guarded(PostFields.text(author, "name")),
            SpreadsheetText.guarded(PostFields.text(tweet, "text")),
            PostFields.text(tweet, "lang"),
            joined(tweet.path("entities").path("hashtags"), "tag"),
            joined(tweet.path("entities").path("mentions"), "username"),
            urls(tweet),
            joined(tweet.path("attachments").path("media_keys"), null),
            mediaUrls(tweet, includes),
            PostFields.text(tweet, "conversation_id"),
            PostFields.text(tweet, "in_reply_to_user_id"),
            orEmpty(PostFields.referenced(tweet, "replied_to")),
            orEmpty(PostFields.referenced(tweet, "retweeted")),
            orEmpty(PostFields.referenced(tweet, "quoted")),
            PostFields.text(metrics, "retweet_count"),
            PostFields.text(metrics, "reply_count"),
            PostFields.text(metrics, "like_count"),
            PostFields.text(metrics, "quote_count"),
            placeId,
            SpreadsheetText.guarded(PostFields.text(place, "full_name")),
            PostFields.text(place, "country_code"),
            SpreadsheetText.guarded(PostFields.text(tweet, "source")),
            username.isEmpty() ? "https://x.com/i/web/status/" + id : "https://x.com/" + username + "/status/" + id,
        };
    }

    /** Values of an array (or a field of each of its objects), separated by spaces: none of them holds a space. */
    private static String joined(JsonNode array, String field) {
        StringBuilder joined = new StringBuilder();
        for (JsonNode item : array) {
            JsonNode value = field == null ? item : item.get(field);
            if (value != null) {
                append(joined, value.asText());
            }
        }
        return joined.toString();
    }

    private static String urls(JsonNode tweet) {
        StringBuilder joined = new StringBuilder();
        PostFields.urls(tweet, url -> append(joined, url));
        return joined.toString();
    }

    /** A photo's URL, a video's or GIF's preview image, in the order of media_keys; media not included are skipped. */
    private static String mediaUrls(JsonNode tweet, PageIncludes includes) {
        StringBuilder joined = new StringBuilder();
        for (JsonNode key : tweet.path("attachments").path("media_keys")) {
            JsonNode media = includes.media().get(key.asText());
            if (media != null) {
                String url = media.hasNonNull("url") ? media.get("url").asText()
                        : PostFields.text(media, "preview_image_url");
                if (!url.isEmpty()) {
                    append(joined, url);
                }
            }
        }
        return joined.toString();
    }

    private static void append(StringBuilder joined, String value) {
        if (joined.length() > 0) {
            joined.append(' ');
        }
        joined.append(value);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
