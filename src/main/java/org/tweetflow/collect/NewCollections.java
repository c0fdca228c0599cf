package org.tweetflow.collect;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tweetflow.config.TweetflowProperties;

/** A researcher starts a collection: stored as asked, queued at once, or refused before anything is stored. */
@Component
public class NewCollections {

    private final Collections collections;
    private final CollectionQueue queue;
    private final CollectionLimits limits;
    private final boolean appSearches;

    public NewCollections(Collections collections, CollectionQueue queue, CollectionLimits limits,
            TweetflowProperties properties) {
        this.collections = collections;
        this.queue = queue;
        this.limits = limits;
        this.appSearches = properties.twitter().appTokenConfigured();
    }

    /** Anyone may collect while the app's token searches; else only a member whose X token can. */
    public boolean mayStart(boolean xConnected) {
        return appSearches || xConnected;
    }

    /**
     * @param repeat "hourly", "daily", "weekly", or null (or blank) for a one-off collection
     * @throws InvalidCollectionException for a query, count or repetition X or this service would refuse
     * @throws CollectionLimitException    when the member has, or started, as many as a member may
     */
    @Transactional
    public Collection start(long memberId, String query, Integer maxCount, String repeat) {
        Repeat every = repeat == null || repeat.isBlank() ? null : Repeat.of(repeat);
        // a refused query takes no place of the member's limits
        Collections.Asked asked = collections.check(query, maxCount);
        limits.admitNew(memberId, every != null);
        Collection created = collections.create(memberId, asked, every);
        queue.queue(created.id(), "created");
        return created;
    }

    /**
     * The owner collects a failed collection again: it resumes after its last recorded page, and a recurring one
     * that stopped repeating is back on its schedule.
     *
     * @throws CollectionStateException when it has not failed
     * @throws CollectionLimitException when the member has as many running as a member may
     */
    @Transactional
    public void again(Collection collection) {
        String refusal = whyNotAgain(collection);
        if (refusal != null) {
            throw new CollectionStateException(refusal);
        }
        limits.admitAgain(collection);
        // the state as it is now, not as the caller read it: a second request, or a worker, may have been first
        if (!collections.again(collection)) {
            throw new CollectionStateException(collections.find(collection.id()).map(this::whyNotAgain)
                    .orElse("the collection was deleted or changed meanwhile"));
        }
        queue.requeue(collection.id(), "again");
    }

    /** Whether {@link #again} would take the collection, so that a page offers it only then. */
    public boolean canCollectAgain(Collection collection) {
        return whyNotAgain(collection) == null;
    }

    private String whyNotAgain(Collection collection) {
        if (!Collection.FAILED.equals(collection.state())) {
            return "only a failed collection is collected again; this one is " + collection.state().replace('_', ' ');
        }
        return null;
    }
}
