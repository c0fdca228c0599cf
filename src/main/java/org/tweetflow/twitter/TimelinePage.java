package org.tweetflow.twitter;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** One page of posts as X returned it: tweets newest first, the objects its expansions returned, the next token. */
public record TimelinePage(List<JsonNode> tweets, Includes includes, String nextToken) {

    /** The elements of a JSON array (none when the node is missing). */
    public static List<JsonNode> items(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
