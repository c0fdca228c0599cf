package org.tweetflow.archive;

import java.util.SortedMap;

/**
 * What fetching one week range gave: its weeks, all of them or, when fetching stopped early, those known to be
 * whole ({@code stoppedBy}: X's rate limit, which says until when the rest waits, or this replica stopping).
 */
public record FetchedRange(SortedMap<IsoWeek, FetchedWeek> weeks, RuntimeException stoppedBy) {
}
