package org.tweetflow.sandbox;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Same rule as {@code TweetflowProperties#sandboxEnabled}, readable before the properties are bound. */
class SandboxCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return isOn(context.getEnvironment());
    }

    /** On when {@code tweetflow.sandbox} says so, or by default while no client id is configured. */
    static boolean isOn(PropertyResolver env) {
        // read as Spring's binder reads TweetflowProperties.sandbox: "true", "on", "yes", "1" alike
        Boolean explicit = env.getProperty("tweetflow.sandbox", Boolean.class);
        return explicit != null ? explicit : !clientIdsConfigured(env);
    }

    static boolean clientIdsConfigured(PropertyResolver env) {
        return StringUtils.hasText(env.getProperty("tweetflow.twitter.client-id"))
                || StringUtils.hasText(env.getProperty("tweetflow.openhumans.client-id"));
    }
}
