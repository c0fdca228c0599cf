package org.tweetflow.collect.summary;

/**
 * The collection's file is not JSON Lines of X search pages (or a post has no numeric id): summarising it again
 * will not help, so a route should not retry.
 */
public class MalformedCollectionException extends RuntimeException {

    public MalformedCollectionException(String message) {
        super(message);
    }

    public MalformedCollectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
