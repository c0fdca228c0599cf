package org.tweetflow.twitter;

import java.time.Instant;

/** What an X answer meant when it was not a success; each kind is handled differently by the routes. */
public sealed class XApiException extends RuntimeException {

    XApiException(String message) {
        super(message);
    }

    /** 429, or the budget said no: stop, keep what was fetched, come back at {@code retryAt}. */
    public static final class RateLimited extends XApiException {
        private final Instant retryAt;
        private final boolean usageCap;
        private final boolean held;

        public RateLimited(Instant retryAt, boolean usageCap, String message) {
            this(retryAt, usageCap, false, message);
        }

        /** @param held whether it is the operators' pause of every call: the work goes on when they resume it */
        public RateLimited(Instant retryAt, boolean usageCap, boolean held, String message) {
            super(message);
            this.retryAt = retryAt;
            this.usageCap = usageCap;
            this.held = held;
        }

        public Instant retryAt() {
            return retryAt;
        }

        /** The monthly usage cap (a 429 with requests still remaining): pause every call of that kind. */
        public boolean usageCap() {
            return usageCap;
        }

        /** The operators paused every call to X: no time is known, the work waits in the queue until they resume. */
        public boolean held() {
            return held;
        }
    }

    /** 5xx: worth trying again after a backoff. */
    public static final class Transient extends XApiException {
        public Transient(String message) {
            super(message);
        }
    }

    /**
     * 401: the token is no longer accepted. A member's is refreshed once and the call tried again; the app's bearer
     * token is the operator's to mend.
     */
    public static final class Unauthorized extends XApiException {
        public Unauthorized(String message) {
            super(message);
        }
    }

    /** Any other 4xx, or a body that is not what the API documents: retrying cannot help. */
    public static final class Rejected extends XApiException {
        public Rejected(String message) {
            super(message);
        }
    }
}
