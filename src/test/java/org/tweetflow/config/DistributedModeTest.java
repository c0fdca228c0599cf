package org.tweetflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.session.SessionRepository;
import org.tweetflow.TestRedis;

class DistributedModeTest {

    private final WebApplicationContextRunner contexts = new WebApplicationContextRunner()
            .withUserConfiguration(DistributedModeConfiguration.class)
            .withConfiguration(AutoConfigurations.of(ServletWebServerFactoryAutoConfiguration.class));

    @Test
    void withoutRedisSettingsNoRedisClientAndNoSharedSessionsExist() {
        contexts.run(context -> {
            assertThat(context).doesNotHaveBean(RedisConnectionFactory.class);
            assertThat(context).doesNotHaveBean(SessionRepository.class);
        });
    }

    @Test
    void aRedisUrlTurnsOnTheRedisClientAndSessionsOnRedis() {
        contexts.withPropertyValues("spring.data.redis.url=" + TestRedis.url()).run(context -> {
            assertThat(context).hasSingleBean(RedisConnectionFactory.class);
            assertThat(context).hasSingleBean(SessionRepository.class);
            assertThat(context.getBean(SessionRepository.class).getClass().getName()).contains("Redis");
        });
    }
}
