package org.tweetflow.twitter;

/** Whose call to X it is: the rate budget it is charged to (limits are per user token) and how it is authorized. */
public sealed interface XCaller {

    /** The budget's credential: a stable id, never the token, so budget keys can be logged and stored. */
    String budgetId();

    /** Whether the call is charged to a rate budget: X limits what a user token may call. */
    default boolean metered() {
        return true;
    }

    /** A member's call, sent with their access token. */
    record Member(long memberId) implements XCaller {
        @Override
        public String budgetId() {
            return "member:" + memberId;
        }
    }

    /**
     * This service as an OAuth client (the token revocation), with its client id and secret. X publishes no limit
     * for it and answers without rate-limit headers: a budget could only guess, and a guess would let one member's
     * disconnect refuse another's.
     */
    record Client() implements XCaller {
        @Override
        public String budgetId() {
            return "client";
        }

        @Override
        public boolean metered() {
            return false;
        }
    }
}
