package org.tweetflow.tokens;

/**
 * A member's token at a provider, as it travels between steps: the one a call was sent with (should the provider
 * reject it, {@link TokenRenewal} renews exactly this one), or the one to give back when the member disconnects.
 * Its string form never shows the token.
 */
public record MemberToken(long memberId, Provider provider, String value) {

    @Override
    public String toString() {
        return "MemberToken[" + provider + " of member " + memberId + "]";
    }
}
