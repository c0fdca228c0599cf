package org.tweetflow.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code x-rate-limit-limit / -remaining / -reset} headers of an X answer.
 *
 * @param reset when the next window may be used: the advertised reset plus {@link #ROLL_MARGIN}
 */
public record RateLimitHeaders(int limit, int remaining, Instant reset) {

    /**
     * X's window can roll a second or so after the reset it advertises, and a call at exactly the reset may meet a
     * 429: the budget and every cooldown wait this much longer.
     */
    public static final Duration ROLL_MARGIN = Duration.ofSeconds(2);

    /**
     * A call sent after X's advertised reset and before the budget's (the roll margin) is counted by X in the next
     * window: the budget charges it to that window too.
     */
    public static final Duration LATE_CALLS = ROLL_MARGIN;

    /**
     * What a 429 means for the budget whatever headers came with it: nothing left until {@code reset} (the limit
     * stays unknown, so the window after it starts with a probe).
     */
    public static RateLimitHeaders spentUntil(Instant reset) {
        return new RateLimitHeaders(-1, 0, reset);
    }

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
                    Instant.ofEpochSecond(Long.parseLong(reset.toString().trim())).plus(ROLL_MARGIN)));
        } catch (NumberFormatException unreadable) {
            return Optional.empty();
        }
    }
}
