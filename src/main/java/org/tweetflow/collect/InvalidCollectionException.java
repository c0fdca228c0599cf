package org.tweetflow.collect;

/** A collection that cannot be stored as asked (an empty or too long query, a count out of bounds). */
public class InvalidCollectionException extends RuntimeException {

    public InvalidCollectionException(String message) {
        super(message);
    }
}
