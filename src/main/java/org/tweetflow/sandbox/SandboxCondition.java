package org.tweetflow.sandbox;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Same rule as {@code TweetflowProperties#sandbox}, readable before the properties are bound. */
class SandboxCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return isOn(context.getEnvironment());
    }

    /**
     * On only when {@code tweetflow.sandbox} ({@code TWEETFLOW_SANDBOX}) says so: a missing client id must stop the
     * start, never turn a deployment into a public simulator.
     */
    static boolean isOn(PropertyResolver env) {
        // read as Spring's binder reads TweetflowProperties.sandbox: "true", "on", "yes", "1" alike
        return env.getProperty("tweetflow.sandbox", Boolean.class, false);
    }
}
