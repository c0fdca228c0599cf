package org.tweetflow.archive;

import java.util.List;

/** The weeks a sync fetches: each contiguous run of due weeks is one range, oldest first. */
public record SyncPlan(List<WeekRange> ranges) {

    public int weeksDue() {
        return ranges.stream().mapToInt(range -> range.weeks().size()).sum();
    }

    /** How many due weeks the ranges before {@code range} hold: the progress a sync has made when it begins it. */
    public int weeksBefore(WeekRange range) {
        return ranges.subList(0, Math.max(0, ranges.indexOf(range))).stream()
                .mapToInt(before -> before.weeks().size()).sum();
    }
}
