package org.tweetflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.tweetflow.config.TweetflowProperties;

/** The row lock's wait, in the whole seconds of a JDBC query timeout, where 0 means waiting for ever. */
class MemberTokensLockWaitTest {

    @Test
    void timeoutsUnderHalfASecondStillBoundTheWaitNeverWaitForEver() {
        assertThat(MemberTokens.lockWaitSeconds(http(Duration.ofMillis(100), Duration.ofMillis(100)))).isEqualTo(1);
    }

    @Test
    void theWaitIsTwiceTheConnectAndReadTimeouts() {
        assertThat(MemberTokens.lockWaitSeconds(http(Duration.ofSeconds(10), Duration.ofSeconds(30)))).isEqualTo(80);
    }

    private static TweetflowProperties.Http http(Duration connect, Duration read) {
        return new TweetflowProperties.Http(connect, read, 5, Duration.ofSeconds(1), 8);
    }
}
