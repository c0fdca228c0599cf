package org.tweetflow.config;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In distributed mode Redis holds the sessions and the rate budget, so a replica that cannot reach it is not ready:
 * Redis's health joins the readiness group. Only then, because its health check exists only in distributed mode
 * ({@link DistributedModeConfiguration}), and a group naming a missing check stops the start.
 */
public class RedisReadiness implements EnvironmentPostProcessor, Ordered {

    static final String READINESS = "management.endpoint.health.group.readiness.include";

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String members = environment.getProperty(READINESS);
        if (members != null && RedisConfiguredCondition.configured(environment)) {
            environment.getPropertySources().addFirst(new MapPropertySource("redisReadiness",
                    Map.of(READINESS, members + ",redis")));
        }
    }
}
