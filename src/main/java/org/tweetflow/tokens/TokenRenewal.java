package org.tweetflow.tokens;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;
import org.tweetflow.TweetflowExchange;

/**
 * Runs before the one redelivery of a call a provider answered with 401 (X and Open Humans alike): the member's
 * token is refreshed, or the one another call refreshed meanwhile is taken, and the call's own step sends it.
 */
@Component("tokenRenewal")
public class TokenRenewal implements Processor {

    private final AccessTokens tokens;

    public TokenRenewal(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void process(Exchange exchange) {
        MemberToken rejected = exchange.getProperty(TweetflowExchange.SENT_TOKEN, MemberToken.class);
        if (rejected != null) {
            // calls without a member token (the client's revocation, presigned storage) fail again and say so
            tokens.renewedAccessToken(rejected.memberId(), rejected.provider(), rejected.value());
        }
    }
}
