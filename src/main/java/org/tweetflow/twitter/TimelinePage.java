package org.tweetflow.twitter;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** One page of posts as X returned it: tweets newest first, expansions by type, and the next page's token. */
public record TimelinePage(List<JsonNode> tweets, Map<String, List<JsonNode>> includes, String nextToken) {
}
