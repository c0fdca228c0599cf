package org.tweetflow.twitter;

/** Whose call to X it is: the rate budget it is charged to (limits are per user token) and how it is authorized. */
public sealed interface XCaller {

    /** The budget's credential: a stable id, never the token, so budget keys can be logged and stored. */
    String budgetId();

    /** A member's call, sent with their access token. */
    record Member(long memberId) implements XCaller {
        @Override
        public String budgetId() {
            return "member:" + memberId;
        }
    }

    /** This service as an OAuth client (the token revocation), with its client id and secret. */
    record Client() implements XCaller {
        @Override
        public String budgetId() {
            return "client";
        }
    }
}
