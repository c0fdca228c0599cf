package org.tweetflow.ratelimit;

/**
 * The shared budget could not be asked or corrected (Redis did not answer in time, or refused the connection): an
 * outage like a provider's, so the call is redelivered with backoff and the work tried again later, never failed.
 */
public class RateBudgetUnavailableException extends RuntimeException {

    public RateBudgetUnavailableException(Throwable cause) {
        super("rate budget unavailable (" + cause.getClass().getSimpleName() + ")", cause);
    }
}
