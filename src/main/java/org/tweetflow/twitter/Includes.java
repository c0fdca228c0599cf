package org.tweetflow.twitter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The objects of X v2 {@code includes} (users, tweets, media, places, polls), each by its key, to pick from: a
 * page's expansions serve every post of the page, but an archived week keeps exactly what its own posts reference.
 * Objects added later replace earlier ones with the same key (a fresher copy).
 */
public final class Includes {

    /** The include types, in the order the archive writes them. */
    public static final List<String> TYPES = List.of("users", "tweets", "media", "places", "polls");

    private final Map<String, Map<String, JsonNode>> byType = new LinkedHashMap<>();
    private final Map<String, JsonNode> usersByName = new LinkedHashMap<>();

    /** Adds the objects of a v2 {@code includes} object (none when the node is missing). */
    public Includes add(JsonNode includes) {
        includes.fields().forEachRemaining(field -> field.getValue().forEach(item -> put(field.getKey(), item)));
        return this;
    }

    /** Adds every object of {@code other}, replacing those with the same key. */
    public Includes add(Includes other) {
        other.byType.forEach((type, items) -> items.values().forEach(item -> put(type, item)));
        return this;
    }

    /**
     * Exactly the objects the posts reference, each once, by type in the order first referenced: their authors,
     * the users they reply to and mention, the posts they reference (and those posts' authors) or that are earlier
     * versions of them, their media, polls and places. A reference whose object X did not include is skipped.
     */
    public Map<String, List<JsonNode>> referencedBy(Iterable<JsonNode> tweets) {
        Map<String, Map<String, JsonNode>> picked = new LinkedHashMap<>();
        TYPES.forEach(type -> picked.put(type, new LinkedHashMap<>()));
        for (JsonNode tweet : tweets) {
            pick(picked, "users", tweet.path("author_id").asText(null));
            pick(picked, "users", tweet.path("in_reply_to_user_id").asText(null));
            for (JsonNode mention : tweet.path("entities").path("mentions")) {
                JsonNode user = mention.hasNonNull("id") ? find("users", mention.path("id").asText())
                        : usersByName.get(mention.path("username").asText("").toLowerCase(Locale.ROOT));
                if (user != null) {
                    picked.get("users").putIfAbsent(user.path("id").asText(), user);
                }
            }
            for (JsonNode reference : tweet.path("referenced_tweets")) {
                JsonNode referenced = pick(picked, "tweets", reference.path("id").asText(null));
                if (referenced != null) {
                    pick(picked, "users", referenced.path("author_id").asText(null));
                }
            }
            earlierVersions(tweet).forEach(version -> pick(picked, "tweets", version));
            tweet.path("attachments").path("media_keys").forEach(key -> pick(picked, "media", key.asText()));
            tweet.path("attachments").path("poll_ids").forEach(poll -> pick(picked, "polls", poll.asText()));
            pick(picked, "places", tweet.path("geo").path("place_id").asText(null));
        }
        Map<String, List<JsonNode>> lists = new LinkedHashMap<>();
        picked.forEach((type, items) -> lists.put(type, new ArrayList<>(items.values())));
        return lists;
    }

    /**
     * The ids of the post's earlier versions: X lists every version oldest first, the post's own id among them, so
     * only those before it are earlier (an old version may carry the whole list).
     */
    public static List<String> earlierVersions(JsonNode tweet) {
        List<String> earlier = new ArrayList<>();
        String id = tweet.path("id").asText();
        for (JsonNode version : tweet.path("edit_history_tweet_ids")) {
            if (version.asText().equals(id)) {
                return earlier;
            }
            earlier.add(version.asText());
        }
        return List.of();
    }

    private JsonNode pick(Map<String, Map<String, JsonNode>> picked, String type, String key) {
        JsonNode item = key == null ? null : find(type, key);
        if (item != null) {
            picked.get(type).putIfAbsent(key, item);
        }
        return item;
    }

    private JsonNode find(String type, String key) {
        return byType.getOrDefault(type, Map.of()).get(key);
    }

    private void put(String type, JsonNode item) {
        String key = item.path("media".equals(type) ? "media_key" : "id").asText(null);
        if (key == null) {
            return;
        }
        byType.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(key, item);
        if ("users".equals(type) && item.hasNonNull("username")) {
            usersByName.put(item.path("username").asText().toLowerCase(Locale.ROOT), item);
        }
    }
}
