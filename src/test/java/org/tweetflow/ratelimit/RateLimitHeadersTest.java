package org.tweetflow.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RateLimitHeadersTest {

    @Test
    void readsTheThreeHeadersWithTheResetPastTheRollAndIgnoresGarbage() {
        assertThat(RateLimitHeaders.from(Map.<String, Object>of("x-rate-limit-limit", "900",
                "x-rate-limit-remaining", "12", "x-rate-limit-reset", "1764064800")::get))
                .contains(new RateLimitHeaders(900, 12, Instant.ofEpochSecond(1764064802L)));
        assertThat(RateLimitHeaders.from(Map.<String, Object>of("x-rate-limit-limit", "many")::get)).isEmpty();
    }
}
