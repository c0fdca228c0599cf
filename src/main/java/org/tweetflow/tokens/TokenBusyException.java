package org.tweetflow.tokens;

/**
 * The member's token stayed locked by another refresh (another replica's, perhaps stuck) for longer than a refresh
 * may take: this call gives up, as in an outage, and the work is tried again later.
 */
public class TokenBusyException extends RuntimeException {

    public TokenBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
