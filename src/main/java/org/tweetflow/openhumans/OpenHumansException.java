package org.tweetflow.openhumans;

/** Open Humans answered with an error; 5xx are worth redelivering, the rest fail the sync with this reason. */
public class OpenHumansException extends RuntimeException {

    private final int status;

    public OpenHumansException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
