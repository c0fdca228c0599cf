package org.tweetflow.twitter;

import org.tweetflow.ratelimit.BudgetKey;

/** One call to X as the routes carry it: the URL, the budget it is charged to, and the bearer token. */
public record XCall(String url, BudgetKey budget, String accessToken) {

    @Override
    public String toString() {
        return "XCall[" + budget + " " + url.replaceAll("\\?.*", "") + "]";
    }
}
