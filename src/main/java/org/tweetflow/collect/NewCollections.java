package org.tweetflow.collect;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tweetflow.config.TweetflowProperties;

/** A researcher starts a collection: stored as asked, queued at once, or refused before anything is stored. */
@Component
public class NewCollections {

    private final Collections collections;
    private final CollectionQueue queue;
    private final boolean appSearches;

    public NewCollections(Collections collections, CollectionQueue queue, TweetflowProperties properties) {
        this.collections = collections;
        this.queue = queue;
        this.appSearches = properties.twitter().appTokenConfigured();
    }

    /** Anyone may collect while the app's token searches; else only a member whose X token can. */
    public boolean mayStart(boolean xConnected) {
        return appSearches || xConnected;
    }

    /**
     * @param repeat "hourly", "daily", "weekly", or null (or blank) for a one-off collection
     * @throws InvalidCollectionException for a query, count or repetition X or this service would refuse
     */
    @Transactional
    public Collection start(long memberId, String query, Integer maxCount, String repeat) {
        Collection created = collections.create(memberId, query, maxCount,
                repeat == null || repeat.isBlank() ? null : Repeat.of(repeat));
        queue.queue(created.id(), "created");
        return created;
    }
}
