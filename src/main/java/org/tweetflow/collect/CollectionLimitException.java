package org.tweetflow.collect;

import java.time.Duration;
import java.util.Optional;

/**
 * A member asked for more than one member may have or start (TweetflowProperties.Collect): a 429 with this reason,
 * and when waiting helps, how long.
 */
public class CollectionLimitException extends RuntimeException {

    private final transient Duration retryAfter;

    public CollectionLimitException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** How long until the same request would be taken; empty when waiting alone does not help. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
