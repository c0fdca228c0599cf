package org.tweetflow.twitter;

import org.apache.camel.Exchange;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.ratelimit.BudgetKey;

/** One call to X as the routes carry it: the URL, the budget it is charged to, and the bearer token. */
public record XCall(String url, BudgetKey budget, String accessToken) {

    /** A call with the exchange's credential: charged to its budget for the endpoint, sent with its token. */
    public static XCall of(Exchange exchange, String endpoint, String url) {
        return new XCall(url, new BudgetKey(endpoint, exchange.getProperty(TweetflowExchange.CREDENTIAL, String.class)),
                exchange.getProperty(TweetflowExchange.ACCESS_TOKEN, String.class));
    }

    /** The same call with a renewed token (after X answered 401). */
    public XCall withAccessToken(String renewed) {
        return new XCall(url, budget, renewed);
    }

    @Override
    public String toString() {
        return "XCall[" + budget + " " + url.replaceAll("\\?.*", "") + "]";
    }
}
