package org.tweetflow.config;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The one test of distributed mode, for {@link ConditionalOnRedis}: a Redis URL, host or Sentinel master is configured
 * (Redis Cluster is refused at the start: {@link DeploymentSettings}).
 */
class RedisConfiguredCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        boolean wanted = (boolean) metadata.getAnnotationAttributes(ConditionalOnRedis.class.getName()).get("value");
        boolean configured = configured(context.getEnvironment());
        return new ConditionOutcome(configured == wanted, configured
                ? "spring.data.redis.url, .host or .sentinel.master is set: distributed mode"
                : "none of spring.data.redis.url, .host and .sentinel.master is set: single-machine mode");
    }

    static boolean configured(PropertyResolver settings) {
        return StringUtils.hasText(settings.getProperty("spring.data.redis.url"))
                || StringUtils.hasText(settings.getProperty("spring.data.redis.host"))
                || StringUtils.hasText(settings.getProperty("spring.data.redis.sentinel.master"));
    }
}
