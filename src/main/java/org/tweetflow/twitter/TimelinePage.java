package org.tweetflow.twitter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** One page of posts as X returned it: tweets newest first, expansions by type, and the next page's token. */
public record TimelinePage(List<JsonNode> tweets, Map<String, List<JsonNode>> includes, String nextToken) {

    /** The elements of a JSON array (none when the node is missing). */
    public static List<JsonNode> items(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    /** A v2 {@code includes} object as lists by type ({@code users}, {@code tweets}, {@code media} ...). */
    public static Map<String, List<JsonNode>> includes(JsonNode includes) {
        Map<String, List<JsonNode>> byType = new LinkedHashMap<>();
        includes.fields().forEachRemaining(e -> byType.put(e.getKey(), items(e.getValue())));
        return byType;
    }
}
