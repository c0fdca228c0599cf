package org.tweetflow.archive;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

import org.tweetflow.twitter.XApiException;

/** Every week a sync fetched, range after range, and the rate limit that stopped it, if one did. */
public record FetchedWeeks(SortedMap<IsoWeek, FetchedWeek> weeks, XApiException.RateLimited stoppedBy) {

    public static final FetchedWeeks NONE = new FetchedWeeks(Collections.emptySortedMap(), null);

    /** With one more range; the first rate limit met is the one that stopped the sync. */
    public FetchedWeeks plus(FetchedRange range) {
        SortedMap<IsoWeek, FetchedWeek> all = new TreeMap<>(weeks);
        all.putAll(range.weeks());
        return new FetchedWeeks(Collections.unmodifiableSortedMap(all), stoppedBy != null ? stoppedBy
                : range.stoppedBy());
    }

    /** Whether anything was fetched that the archive on Open Humans must receive. */
    public boolean isAnything() {
        return !weeks.isEmpty();
    }

    public boolean isStopped() {
        return stoppedBy != null;
    }
}
