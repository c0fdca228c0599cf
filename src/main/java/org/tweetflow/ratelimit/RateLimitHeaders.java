package org.tweetflow.ratelimit;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/** The {@code x-rate-limit-limit / -remaining / -reset} headers of an X answer. */
public record RateLimitHeaders(int limit, int remaining, Instant reset) {

    /** @param header looks a response header up by name; absent or unreadable headers give empty */
    public static Optional<RateLimitHeaders> from(Function<String, Object> header) {
        try {
            Object limit = header.apply("x-rate-limit-limit");
            Object remaining = header.apply("x-rate-limit-remaining");
            Object reset = header.apply("x-rate-limit-reset");
            if (limit == null || remaining == null || reset == null) {
                return Optional.empty();
            }
            return Optional.of(new RateLimitHeaders(Integer.parseInt(limit.toString().trim()),
                    Integer.parseInt(remaining.toString().trim()),
                    Instant.ofEpochSecond(Long.parseLong(reset.toString().trim()))));
        } catch (NumberFormatException unreadable) {
            return Optional.empty();
        }
    }
}
