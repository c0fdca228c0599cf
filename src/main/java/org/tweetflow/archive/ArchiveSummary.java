package org.tweetflow.archive;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a pass over an archive learned: the X account it names (null if none), the weeks it holds whole, when the
 * weeks fetched up to a moment were last fetched, below which post the weeks a rate limit stopped in go on, and its
 * counts. Weeks still marked as read from the member's X data export are in none of the three: the planner asks X
 * for them once (within what X serves) for the API's richer copies.
 */
public record ArchiveSummary(JsonNode account, Set<IsoWeek> completeWeeks, Map<IsoWeek, Instant> partlyFetchedAt,
        Map<IsoWeek, String> resumeUntilIds, long tweets, int weeks,
        IsoWeek firstWeek, IsoWeek lastWeek) {
}
