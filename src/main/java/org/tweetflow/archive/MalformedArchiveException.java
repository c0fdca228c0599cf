package org.tweetflow.archive;

/** The archive found on Open Humans is not a tweetflow archive; the sync stops and leaves it untouched. */
public class MalformedArchiveException extends RuntimeException {

    public MalformedArchiveException(String message) {
        super(message);
    }
}
