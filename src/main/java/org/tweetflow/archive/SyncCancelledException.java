package org.tweetflow.archive;

/** The member withdrew what the sync was for (disconnected X, left, deleted the archive): nothing may be kept. */
public class SyncCancelledException extends RuntimeException {

    public SyncCancelledException(String detail) {
        super(detail);
    }
}
