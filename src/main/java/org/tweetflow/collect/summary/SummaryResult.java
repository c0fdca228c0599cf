package org.tweetflow.collect.summary;

import java.util.List;

/** What one pass over a collection did: pages read, posts summarised, duplicate posts skipped, files written. */
public record SummaryResult(long pages, long posts, long duplicates, List<String> files) {
}
