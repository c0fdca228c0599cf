package org.tweetflow.collect;

/**
 * How far one run of a collection got: the body of the {@code collect-search} loop, replaced by each page.
 *
 * @param nextToken  the page to ask for next; null before the run's first page and after its last
 * @param dataLength how much of the raw pages' file is committed
 */
public record SearchRun(Collection collection, CollectionRun run, int collected, String nextToken, boolean started,
        long dataLength) {

    static SearchRun of(Collection collection, CollectionRun run) {
        return new SearchRun(collection, run, run.collected(), collection.nextToken(), run.pages() > 0,
                collection.dataLength());
    }

    /**
     * Whether another page is to be asked for: none yet, or X named a next one, until the run has its count. A later
     * run of a recurring collection is bounded by the same count (it stops with a note on the gap it leaves). A run
     * already over asks for nothing (a one-off whose item was claimed again).
     */
    public boolean isMorePages() {
        if (run.finishedAt() != null) {
            return false;
        }
        return collected < collection.maxCount() && (!started || nextToken != null);
    }

    /** Whether the run stopped at its count while X had more: a later run leaves a gap after its since_id. */
    boolean stoppedAtCount() {
        return collected >= collection.maxCount() && nextToken != null;
    }

    /** Asks for no more than is still wanted, within X's 10..100 (so a count below 10 may collect up to 10). */
    int pageSize() {
        return Math.max(10, Math.min(100, collection.maxCount() - collected));
    }

    SearchRun after(int tweets, String next, long length) {
        return new SearchRun(collection, run, collected + tweets, next, true, length);
    }
}
