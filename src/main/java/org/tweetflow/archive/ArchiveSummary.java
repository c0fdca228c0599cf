package org.tweetflow.archive;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a pass over an archive learned: the X account it names (null if none), the weeks it holds (with their
 * fetch times) and its counts.
 */
public record ArchiveSummary(JsonNode account, Map<IsoWeek, Instant> fetchedAt, long tweets, int weeks,
        IsoWeek firstWeek, IsoWeek lastWeek) {
}
