package org.tweetflow.collect.summary;

/**
 * How far a pass over a collection is: posts summarised, duplicates skipped, and bytes read of the file's total
 * (the number of posts is not known before the end, the file's size is).
 */
public record SummaryProgress(long posts, long duplicates, long bytesRead, long bytesTotal, boolean done) {

    /** Read share of the file, 0 to 100. */
    public int percent() {
        return bytesTotal == 0 ? 100 : (int) Math.min(100, bytesRead * 100 / bytesTotal);
    }
}
