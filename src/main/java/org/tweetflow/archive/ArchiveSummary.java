package org.tweetflow.archive;

import java.time.Instant;
import java.util.Map;

/** What a pass over an archive learned: the weeks it holds (with their fetch times) and its counts. */
public record ArchiveSummary(Map<IsoWeek, Instant> fetchedAt, long tweets, int weeks, IsoWeek firstWeek,
        IsoWeek lastWeek) {
}
