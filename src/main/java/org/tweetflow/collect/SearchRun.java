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

    /** Whether another page is to be asked for: none yet, or X named a next one and the run's count is not reached. */
    public boolean isMorePages() {
        return collected < collection.maxCount() && (!started || nextToken != null);
    }

    /** Asks for no more than is still wanted, within X's 10..100. */
    int pageSize() {
        return Math.max(10, Math.min(100, collection.maxCount() - collected));
    }

    SearchRun after(int tweets, String next, long length) {
        return new SearchRun(collection, run, collected + tweets, next, true, length);
    }
}
