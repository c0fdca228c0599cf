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
     * Whether another page is to be asked for: none yet, or X named a next one. The count bounds the first run; a
     * later run of a recurring collection reads everything newer than the runs before, or a gap would stay between
     * its oldest post and theirs. A run already over asks for nothing (a one-off whose item was claimed again).
     */
    public boolean isMorePages() {
        if (run.finishedAt() != null) {
            return false;
        }
        boolean wanted = run.sinceId() != null || collected < collection.maxCount();
        return wanted && (!started || nextToken != null);
    }

    /** Asks for no more than is still wanted, within X's 10..100 (so a count below 10 may collect up to 10). */
    int pageSize() {
        return run.sinceId() != null ? 100 : Math.max(10, Math.min(100, collection.maxCount() - collected));
    }

    SearchRun after(int tweets, String next, long length) {
        return new SearchRun(collection, run, collected + tweets, next, true, length);
    }
}
