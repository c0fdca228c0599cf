package org.tweetflow.archive;

import java.util.SortedMap;

import org.tweetflow.twitter.XApiException;

/**
 * What fetching one week range gave: its weeks, all of them or, when a rate limit stopped it, those known to be
 * whole ({@code stoppedBy} says until when the rest waits).
 */
public record FetchedRange(SortedMap<IsoWeek, FetchedWeek> weeks, XApiException.RateLimited stoppedBy) {
}
