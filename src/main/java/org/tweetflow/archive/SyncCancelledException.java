package org.tweetflow.archive;

/** The member disconnected X or left while their sync ran: nothing more is uploaded for them. */
public class SyncCancelledException extends RuntimeException {

    public SyncCancelledException(String message) {
        super(message);
    }
}
