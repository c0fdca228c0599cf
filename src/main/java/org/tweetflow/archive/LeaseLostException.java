package org.tweetflow.archive;

/** Another worker took a sync over after this one held it past its lease: this run ends without uploading. */
public class LeaseLostException extends RuntimeException {

    public LeaseLostException(String message) {
        super(message);
    }
}
