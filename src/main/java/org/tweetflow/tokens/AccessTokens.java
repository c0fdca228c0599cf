package org.tweetflow.tokens;

import java.util.Optional;

/**
 * The one port through which jobs and member actions get a member's tokens: usable access tokens for background
 * calls, a renewed one after a provider rejected it, and the token to give back when the member disconnects. How
 * the tokens are stored, encrypted and refreshed (Spring Security's OAuth2 client) stays behind it.
 */
public interface AccessTokens {

    /**
     * A usable access token of the member at the provider, refreshed first when it is about to expire.
     *
     * @throws ReconnectNeededException when there is none, or the provider refused the refresh token
     */
    String accessToken(long memberId, Provider provider);

    /** A new access token after the provider answered 401 to {@code rejected}, unless another call renewed it. */
    String renewedAccessToken(long memberId, Provider provider, String rejected);

    /** The token to revoke when the member disconnects: the refresh token (which outlives the access token). */
    Optional<MemberToken> tokenToRevoke(long memberId, Provider provider);

    /** Forgets the member's tokens at the provider here. */
    void forget(long memberId, Provider provider);
}
