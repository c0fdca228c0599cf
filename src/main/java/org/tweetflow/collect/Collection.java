package org.tweetflow.collect;

import java.time.Instant;

/**
 * A search collection as stored: whose it is, what it asks X for (each run up to {@code maxCount} posts), and how
 * far collecting got.
 *
 * @param nextToken  the page to ask for next; null before the first page and after the last
 * @param dataLength how many bytes of the raw pages' file are committed
 * @param newestId   the newest post of the runs finished so far: the next run asks only for newer ones
 * @param repeat     how often it runs again; null for a one-off collection
 * @param nextRunAt  when a recurring collection runs next; null once it stopped repeating after failed runs
 * @param failedRuns how many runs failed in a row
 */
public record Collection(long id, long memberId, String query, int maxCount, String state, int collected, int pages,
        String nextToken, long dataLength, String newestId, Instant cooldownUntil, String detail, boolean published,
        Instant createdAt, Repeat repeat, Instant nextRunAt, int failedRuns) {

    public static final String QUEUED = "queued";
    public static final String COLLECTING = "collecting";
    public static final String RATE_LIMITED = "rate_limited";
    public static final String RETRYING = "retrying";
    public static final String COLLECTED = "collected";
    public static final String FAILED = "failed";

    /** A recurring collection that stopped repeating after failed runs: it waits for its owner to collect again. */
    public boolean stoppedRepeating() {
        return repeat != null && nextRunAt == null;
    }

    /**
     * A one-off collected with fewer posts than it asked for: X had no more of the last 7 days. (A recurring one's
     * count is per run, its total is not comparable.)
     */
    public boolean allXHad() {
        return COLLECTED.equals(state) && repeat == null && collected < maxCount;
    }

    /** Whether the member may see it: their own, or published. */
    public boolean visibleTo(long memberId) {
        return published || this.memberId == memberId;
    }
}
