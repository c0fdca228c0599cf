package org.tweetflow.security;

/** A provider refused the member's refresh token (revoked, expired, already used): only a new sign-in helps. */
public class ReconnectNeededException extends RuntimeException {

    private final String provider;

    public ReconnectNeededException(String provider, String message, Throwable cause) {
        super(message, cause);
        this.provider = provider;
    }

    public String provider() {
        return provider;
    }
}
