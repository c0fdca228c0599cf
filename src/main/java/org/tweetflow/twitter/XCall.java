package org.tweetflow.twitter;

import org.tweetflow.ratelimit.BudgetKey;

/**
 * One call to X as the routes carry it: all it takes to send it again after a failure (a redelivery repeats the
 * whole call, budget included). The token is not part of it: {@link XCalls} asks for the caller's token each time.
 *
 * @param endpoint the rate-limit family the call belongs to ({@code users/tweets})
 * @param form     a form body (POST), or null
 */
public record XCall(String method, String url, String form, String endpoint, XCaller caller) {

    public BudgetKey budget() {
        return new BudgetKey(endpoint, caller.budgetId());
    }

    @Override
    public String toString() {
        // the query is left out for brevity, the form because it may hold a token
        return "XCall[" + method + " " + budget() + " " + url.replaceAll("\\?.*", "") + "]";
    }
}
