package org.tweetflow.collect;

/** The photo's host answered that it has no such photo for us (404, 410, 403): asking again would not change it. */
public class MissingPhotoException extends RuntimeException {

    public MissingPhotoException(String message) {
        super(message);
    }
}
