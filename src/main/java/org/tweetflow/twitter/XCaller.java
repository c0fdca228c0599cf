package org.tweetflow.twitter;

/**
 * Whose call to X it is: the rate budget it is charged to (limits are per user token, or per app) and how it is
 * authorized.
 */
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
     * This service's X app, with the operator's app-only bearer token (recent search, when one is configured). X
     * limits it per app, apart from every user's window (search: 450 calls a window, users 300); the budget learns
     * the limit from the first answer's headers.
     */
    record App() implements XCaller {

        /** Why a collection failed when X answered 401 to the app's token: only the operator can mend it. */
        static final String REFUSED = "X refused the app bearer token (TWEETFLOW_TWITTER_BEARER_TOKEN): the "
                + "operator must configure a valid one, or none to search with each member's token";

        @Override
        public String budgetId() {
            return "app";
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
