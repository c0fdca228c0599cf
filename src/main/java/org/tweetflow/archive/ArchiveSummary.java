package org.tweetflow.archive;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a pass over an archive learned: the X account it names (null if none), the weeks it holds whole, when the
 * others were last fetched, and its counts.
 */
public record ArchiveSummary(JsonNode account, Set<IsoWeek> completeWeeks, Map<IsoWeek, Instant> partlyFetchedAt,
        long tweets, int weeks,
        IsoWeek firstWeek, IsoWeek lastWeek) {
}
