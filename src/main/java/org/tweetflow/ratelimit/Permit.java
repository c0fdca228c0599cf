package org.tweetflow.ratelimit;

import java.time.Instant;

/** The budget's answer: go ahead now, or not before {@code retryAt}. */
public record Permit(boolean granted, Instant retryAt, String reason) {

    public static Permit allow() {
        return new Permit(true, null, null);
    }

    public static Permit notBefore(Instant retryAt, String reason) {
        return new Permit(false, retryAt, reason);
    }
}
