package org.tweetflow.collect.summary;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The expansions of one search page the summaries use, by key: the page's posts reference their authors, their
 * media and places here (the posts they retweet, quote or answer are not read). Lighter than
 * {@code twitter.Includes} (no username index, no merging across pages): it is built once per page on the
 * summaries' hot path.
 */
public record PageIncludes(Map<String, JsonNode> users, Map<String, JsonNode> media, Map<String, JsonNode> places,
        Map<String, String> usernamesLowercased) {

    /** The page's {@code includes} object (a missing node gives empty maps). */
    public static PageIncludes of(JsonNode includes) {
        Map<String, JsonNode> users = byKey(includes.path("users"), "id");
        // several outputs key users by lowercased username: lowercase each included user once per page
        Map<String, String> usernames = new HashMap<>(users.size() * 2);
        users.forEach((id, user) -> {
            JsonNode username = user.get("username");
            if (username != null && !username.isNull()) {
                usernames.put(id, PostFields.lower(username.asText()));
            }
        });
        return new PageIncludes(users, byKey(includes.path("media"), "media_key"), byKey(includes.path("places"), "id"),
                usernames);
    }

    /** The post's author, or null when the page did not include them. */
    public JsonNode author(JsonNode tweet) {
        JsonNode id = tweet.get("author_id");
        return id == null ? null : users.get(id.asText());
    }

    private static Map<String, JsonNode> byKey(JsonNode items, String keyField) {
        if (items.isEmpty()) {
            return Map.of();
        }
        Map<String, JsonNode> byKey = new HashMap<>(items.size() * 2);
        for (JsonNode item : items) {
            JsonNode key = item.get(keyField);
            if (key != null) {
                byKey.put(key.asText(), item);
            }
        }
        return byKey;
    }
}
