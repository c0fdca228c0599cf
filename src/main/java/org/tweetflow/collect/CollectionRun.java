package org.tweetflow.collect;

import java.time.Instant;

/**
 * One run of a collection: it asks X only for posts newer than {@code sinceId} (the newest collected before it;
 * none for the first run) and keeps its own counts.
 */
public record CollectionRun(long id, long collectionId, String sinceId, Instant startedAt, Instant finishedAt,
        int collected, int pages, String newestId, String note) {
}
