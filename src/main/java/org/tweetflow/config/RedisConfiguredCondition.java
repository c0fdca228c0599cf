package org.tweetflow.config;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** The one test of distributed mode, for {@link ConditionalOnRedis}: a Redis URL or host is configured. */
class RedisConfiguredCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        boolean wanted = (boolean) metadata.getAnnotationAttributes(ConditionalOnRedis.class.getName()).get("value");
        boolean configured = configured(context.getEnvironment());
        return new ConditionOutcome(configured == wanted, configured
                ? "spring.data.redis.url or .host is set: distributed mode"
                : "neither spring.data.redis.url nor .host is set: single-machine mode");
    }

    static boolean configured(Environment environment) {
        return StringUtils.hasText(environment.getProperty("spring.data.redis.url"))
                || StringUtils.hasText(environment.getProperty("spring.data.redis.host"));
    }
}
