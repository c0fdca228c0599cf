package org.tweetflow.collect;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A researcher starts a collection: stored as asked, queued at once, or refused before anything is stored. */
@Component
public class NewCollections {

    private final Collections collections;
    private final CollectionQueue queue;

    public NewCollections(Collections collections, CollectionQueue queue) {
        this.collections = collections;
        this.queue = queue;
    }

    /** @throws InvalidCollectionException for a query or count X or this service would refuse */
    @Transactional
    public Collection start(long memberId, String query, Integer maxCount) {
        Collection created = collections.create(memberId, query, maxCount);
        queue.queue(created.id(), "created");
        return created;
    }
}
