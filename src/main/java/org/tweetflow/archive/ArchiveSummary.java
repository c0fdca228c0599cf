package org.tweetflow.archive;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a pass over an archive learned: the X account it names (null if none), the weeks it holds whole, and its
 * counts.
 */
public record ArchiveSummary(JsonNode account, Set<IsoWeek> completeWeeks, long tweets, int weeks,
        IsoWeek firstWeek, IsoWeek lastWeek) {
}
