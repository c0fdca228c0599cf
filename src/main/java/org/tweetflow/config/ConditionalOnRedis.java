package org.tweetflow.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Distributed mode: present only when Redis is configured ({@code SPRING_DATA_REDIS_URL}, {@code _HOST} or a Sentinel
 * master). Without it the service runs as one process on its embedded defaults and never tries to reach a Redis
 * server.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(RedisConfiguredCondition.class)
public @interface ConditionalOnRedis {

    /** Whether the annotated bean is for distributed mode (true) or for the single machine (false). */
    boolean value() default true;
}
