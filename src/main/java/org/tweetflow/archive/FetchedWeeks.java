package org.tweetflow.archive;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

import org.tweetflow.twitter.XApiException;
import org.tweetflow.work.ReplicaStoppingException;

/**
 * Every week a sync fetched, range after range, and what stopped it early, if anything did: X's rate limit
 * ({@link XApiException.RateLimited}) or this replica stopping ({@link ReplicaStoppingException}).
 */
public record FetchedWeeks(SortedMap<IsoWeek, FetchedWeek> weeks, RuntimeException stoppedBy) {

    public static final FetchedWeeks NONE = new FetchedWeeks(Collections.emptySortedMap(), null);

    /** With one more range; the first stop met is the one that stopped the sync. */
    public FetchedWeeks plus(FetchedRange range) {
        SortedMap<IsoWeek, FetchedWeek> all = new TreeMap<>(weeks);
        all.putAll(range.weeks());
        return new FetchedWeeks(Collections.unmodifiableSortedMap(all), stoppedBy != null ? stoppedBy
                : range.stoppedBy());
    }

    /** How many posts were fetched, in every week. */
    public int posts() {
        return weeks.values().stream().mapToInt(week -> week.tweets().size()).sum();
    }

    /** Whether anything was fetched that the archive on Open Humans must receive. */
    public boolean isAnything() {
        return !weeks.isEmpty();
    }

    /** Whether fetching stopped before every due week: the archive receives the whole weeks, the rest follows. */
    public boolean isStopped() {
        return stoppedBy != null;
    }

    /** Whether X's rate limit (or monthly cap) stopped it: the rest waits for the reset. */
    public boolean isRateLimited() {
        return stoppedBy instanceof XApiException.RateLimited;
    }

    public XApiException.RateLimited rateLimit() {
        return (XApiException.RateLimited) stoppedBy;
    }
}
