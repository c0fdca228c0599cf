package org.tweetflow.tokens;

/** A provider refused the member's refresh token (revoked, expired, already used): only a new sign-in helps. */
public class ReconnectNeededException extends RuntimeException {

    private final Provider provider;

    public ReconnectNeededException(Provider provider, String message, Throwable cause) {
        super(message, cause);
        this.provider = provider;
    }

    public Provider provider() {
        return provider;
    }
}
