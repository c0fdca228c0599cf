package org.tweetflow.archive;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One week as fetched in this sync: its tweets (v2 objects as returned, newest first, no id twice) and the
 * objects its expansions returned. Bounded by what one sync may fetch, not by the archive's size.
 */
public record FetchedWeek(IsoWeek week, Instant fetchedAt, List<JsonNode> tweets, Map<String, List<JsonNode>> includes) {

    public boolean complete() {
        return WeekPlanner.isComplete(week, fetchedAt);
    }

    public static Map<String, List<JsonNode>> noIncludes() {
        return new LinkedHashMap<>();
    }
}
