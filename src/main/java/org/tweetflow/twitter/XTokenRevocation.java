package org.tweetflow.twitter;

import org.springframework.stereotype.Component;
import org.tweetflow.tokens.AccessTokens;
import org.tweetflow.tokens.Provider;

/** The step of the {@code revoke-x-token} route: which token of the member's goes back to X when they disconnect. */
@Component("xTokenRevocation")
public class XTokenRevocation {

    private final XRequests requests;
    private final AccessTokens tokens;

    public XTokenRevocation(XRequests requests, AccessTokens tokens) {
        this.requests = requests;
        this.tokens = tokens;
    }

    /** Body: the member id. The refresh token (it outlives the access token); null when X was never connected. */
    public XCall request(long memberId) {
        return tokens.tokenToRevoke(memberId, Provider.X).map(requests::revoke).orElse(null);
    }
}
