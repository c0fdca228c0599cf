package org.tweetflow.collect;

import org.springframework.stereotype.Component;

/**
 * A collection goes with everything it kept: its row (runs and steps with it), its queued work and its files; the
 * files last, so a failure leaves no row pointing at missing data. A member who leaves takes all of theirs along.
 */
@Component
public class CollectionDeletions {

    private final Collections collections;
    private final CollectionFiles files;

    public CollectionDeletions(Collections collections, CollectionFiles files) {
        this.collections = collections;
        this.files = files;
    }

    public void delete(long collectionId) {
        collections.delete(collectionId);
        files.delete(collectionId);
    }

    public void deleteAllOf(long memberId) {
        collections.of(memberId).forEach(collection -> delete(collection.id()));
    }
}
