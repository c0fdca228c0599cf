package org.tweetflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class RedisReadinessTest {

    private static final String MEMBERS = "readinessState, camelReadinessState, db";

    @Test
    void redisJoinsReadinessInDistributedMode() {
        MockEnvironment environment = new MockEnvironment().withProperty(RedisReadiness.READINESS, MEMBERS)
                .withProperty("spring.data.redis.url", "redis://redis:6379");
        new RedisReadiness().postProcessEnvironment(environment, null);
        assertThat(environment.getProperty(RedisReadiness.READINESS)).isEqualTo(MEMBERS + ",redis");
    }

    @Test
    void readinessHasNoRedisOnOneMachine() {
        MockEnvironment environment = new MockEnvironment().withProperty(RedisReadiness.READINESS, MEMBERS);
        new RedisReadiness().postProcessEnvironment(environment, null);
        assertThat(environment.getProperty(RedisReadiness.READINESS)).isEqualTo(MEMBERS);
    }
}
