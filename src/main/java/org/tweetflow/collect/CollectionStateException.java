package org.tweetflow.collect;

/** A change the collection's state does not allow now (collecting again what has not failed, say). */
public class CollectionStateException extends RuntimeException {

    public CollectionStateException(String message) {
        super(message);
    }
}
