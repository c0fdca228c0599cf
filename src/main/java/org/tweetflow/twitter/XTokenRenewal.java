package org.tweetflow.twitter;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.security.MemberTokens;
import org.tweetflow.tokens.Provider;

/**
 * Runs before the one redelivery of a call X answered with 401: the member's token is refreshed (or the token
 * another call refreshed meanwhile is taken) and the call is sent again with it.
 */
@Component("xTokenRenewal")
public class XTokenRenewal implements Processor {

    private final MemberTokens tokens;

    public XTokenRenewal(MemberTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void process(Exchange exchange) {
        Long memberId = exchange.getProperty(TweetflowExchange.MEMBER_ID, Long.class);
        XCall call = exchange.getProperty(TweetflowExchange.X_CALL, XCall.class);
        if (memberId == null) {
            return; // the app's bearer token cannot be refreshed: the redelivery fails again and reports it
        }
        String renewed = tokens.renewedAccessToken(memberId, Provider.X, call.accessToken());
        exchange.setProperty(TweetflowExchange.ACCESS_TOKEN, renewed);
        exchange.setProperty(TweetflowExchange.X_CALL, call.withAccessToken(renewed));
    }
}
