package org.tweetflow.twitter;

import org.tweetflow.ratelimit.BudgetKey;

/** One call to X as the routes carry it: the URL, the budget it is charged to, and the bearer token. */
public record XCall(String url, BudgetKey budget, String accessToken) {

    /** The same call with a renewed token (after X answered 401). */
    public XCall withAccessToken(String renewed) {
        return new XCall(url, budget, renewed);
    }

    @Override
    public String toString() {
        return "XCall[" + budget + " " + url.replaceAll("\\?.*", "") + "]";
    }
}
