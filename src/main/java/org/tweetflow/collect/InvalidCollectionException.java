package org.tweetflow.collect;

/**
 * A collection that cannot be stored as asked (an empty or too long query, a count out of bounds), or an export or a
 * comparison that cannot be made as asked (an empty range, one collection to compare): a 400 with this reason.
 */
public class InvalidCollectionException extends RuntimeException {

    public InvalidCollectionException(String message) {
        super(message);
    }
}
