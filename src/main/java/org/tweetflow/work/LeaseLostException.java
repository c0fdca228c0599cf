package org.tweetflow.work;

/**
 * Another worker took the work over after this one held it past its lease (or it was deleted): this run ends
 * without recording anything more, and leaves the work's state to whoever holds it now.
 */
public class LeaseLostException extends RuntimeException {

    public LeaseLostException(String message) {
        super(message);
    }
}
