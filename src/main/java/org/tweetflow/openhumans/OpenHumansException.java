package org.tweetflow.openhumans;

/** Open Humans (or its storage) answered with an error: a refusal, unless it is one of the kinds below. */
public class OpenHumansException extends RuntimeException {

    private final int status;

    public OpenHumansException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The answer to an unexpected status: what it means is decided by its kind. */
    static OpenHumansException of(int status, String message) {
        if (status >= 500 || status == 429) {
            return new Unavailable(status, message);
        }
        return status == 401 ? new Unauthorized(message) : new OpenHumansException(status, message);
    }

    /** 5xx or 429: worth trying again after a backoff. */
    public static final class Unavailable extends OpenHumansException {
        public Unavailable(int status, String message) {
            super(status, message);
        }
    }

    /** 401: the member's access token is no longer accepted; renew it once and try again. */
    public static final class Unauthorized extends OpenHumansException {
        public Unauthorized(String message) {
            super(401, message);
        }
    }
}
