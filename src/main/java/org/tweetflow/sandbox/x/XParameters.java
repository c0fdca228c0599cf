package org.tweetflow.sandbox.x;

import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;

/**
 * The query parameters an X endpoint accepts and the values X documents for its enumerated ones, as listed in X's
 * OpenAPI specification (api.x.com/2/openapi.json, version 2.159). X refuses anything else with a 400 rather than
 * ignoring it, so a client that sends a misspelt field learns it in the sandbox, not from a member's failed sync.
 *
 * @param names  the accepted parameter names, in the order X lists them in its messages
 * @param values the accepted values of the comma-separated enumerated parameters
 */
record XParameters(List<String> names, Map<String, List<String>> values) {

    static final List<String> TWEET_FIELDS = List.of("article", "attachments", "author_id", "card_uri",
            "community_id", "context_annotations", "conversation_id", "created_at", "display_text_range",
            "edit_controls", "edit_history_tweet_ids", "entities", "geo", "id", "in_reply_to_user_id", "lang",
            "media_metadata", "non_public_metrics", "note_tweet", "organic_metrics", "possibly_sensitive",
            "promoted_metrics", "public_metrics", "referenced_tweets", "reply_settings", "scopes", "source",
            "suggested_source_links", "suggested_source_links_with_counts", "text", "withheld");
    static final List<String> TWEET_EXPANSIONS = List.of("article.cover_media", "article.media_entities",
            "attachments.media_keys", "attachments.media_source_tweet", "attachments.poll_ids", "author_id",
            "edit_history_tweet_ids", "entities.mentions.username", "geo.place_id", "in_reply_to_user_id",
            "entities.note.mentions.username", "referenced_tweets.id", "referenced_tweets.id.attachments.media_keys",
            "referenced_tweets.id.author_id");
    static final List<String> USER_FIELDS = List.of("affiliation", "confirmed_email", "connection_status",
            "created_at", "description", "entities", "id", "is_identity_verified", "location", "most_recent_tweet_id",
            "name", "parody", "pinned_tweet_id", "profile_banner_url", "profile_image_url", "protected",
            "public_metrics", "receives_your_dm", "subscription", "subscription_type", "url", "username", "verified",
            "verified_followers_count", "verified_type", "withheld");
    static final List<String> USER_EXPANSIONS = List.of("affiliation.user_id", "most_recent_tweet_id",
            "pinned_tweet_id");
    static final List<String> MEDIA_FIELDS = List.of("alt_text", "duration_ms", "height", "media_key",
            "non_public_metrics", "organic_metrics", "preview_image_url", "promoted_metrics", "public_metrics", "type",
            "url", "variants", "width");
    static final List<String> POLL_FIELDS = List.of("duration_minutes", "end_datetime", "id", "options",
            "voting_status");
    static final List<String> PLACE_FIELDS = List.of("contained_within", "country", "country_code", "full_name",
            "geo", "id", "name", "place_type");

    /** {@code GET /2/users/:id/tweets}. */
    static final XParameters TIMELINE = new XParameters(List.of("id", "since_id", "until_id", "max_results",
            "pagination_token", "exclude", "start_time", "end_time", "expansions", "tweet.fields", "media.fields",
            "poll.fields", "place.fields", "user.fields"), Map.of("exclude", List.of("replies", "retweets"),
                    "expansions", TWEET_EXPANSIONS, "tweet.fields", TWEET_FIELDS, "media.fields", MEDIA_FIELDS,
                    "poll.fields", POLL_FIELDS, "place.fields", PLACE_FIELDS, "user.fields", USER_FIELDS));

    /** {@code GET /2/tweets/search/recent}. */
    static final XParameters SEARCH = new XParameters(List.of("query", "start_time", "end_time", "since_id",
            "until_id", "max_results", "next_token", "pagination_token", "sort_order", "expansions", "tweet.fields",
            "media.fields", "poll.fields", "place.fields", "user.fields"), Map.of("sort_order",
                    List.of("recency", "relevancy"), "expansions", TWEET_EXPANSIONS, "tweet.fields", TWEET_FIELDS,
                    "media.fields", MEDIA_FIELDS, "poll.fields", POLL_FIELDS, "place.fields", PLACE_FIELDS,
                    "user.fields", USER_FIELDS));

    /** {@code GET /2/users/me}. */
    static final XParameters ME = new XParameters(List.of("expansions", "tweet.fields", "user.fields"),
            Map.of("expansions", USER_EXPANSIONS, "tweet.fields", TWEET_FIELDS, "user.fields", USER_FIELDS));

    /** Adds X's error for every repeated or unknown parameter and every undocumented value of a known one. */
    void check(MultiValueMap<String, String> query, InvalidRequest problems) {
        query.forEach((name, given) -> {
            if (given.size() > 1) {
                problems.add(Map.of(name, List.copyOf(given)),
                        "Duplicate parameters are not allowed: the `" + name + "` query parameter");
            } else if (!names.contains(name)) {
                problems.add(name, given.get(0), "The query parameter [" + name + "] is not one of ["
                        + String.join(",", names) + "]");
            } else if (values.containsKey(name)) {
                checkValues(name, given.get(0), problems);
            }
        });
    }

    private void checkValues(String name, String csv, InvalidRequest problems) {
        List<String> allowed = values.get(name);
        for (String value : csv.split(",", -1)) {
            if (!allowed.contains(value)) {
                problems.add(name, value, "The `" + name + "` query parameter value [" + value + "] is not one of ["
                        + String.join(",", allowed) + "]");
            }
        }
    }
}
