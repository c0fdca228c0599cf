package org.tweetflow.tokens;

/**
 * The member's access token a call was just sent with: should the provider reject it, {@link TokenRenewal} renews
 * exactly this one (and a call that meets a token another call renewed meanwhile simply takes that one).
 */
public record SentToken(long memberId, Provider provider, String value) {

    @Override
    public String toString() {
        return "SentToken[" + provider + " of member " + memberId + "]";
    }
}
