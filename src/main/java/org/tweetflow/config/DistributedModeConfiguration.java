package org.tweetflow.config;

import org.springframework.boot.actuate.autoconfigure.data.redis.RedisHealthContributorAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration;
import org.springframework.boot.autoconfigure.session.SessionAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/**
 * Boot's Redis client, its health check and Spring Session on Redis, only in distributed mode. The application
 * excludes them from the automatic configuration, because the starters on the class path would otherwise connect
 * the single-machine default to a Redis server that is not there.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRedis
@ImportAutoConfiguration({RedisAutoConfiguration.class, RedisHealthContributorAutoConfiguration.class,
        SessionAutoConfiguration.class})
public class DistributedModeConfiguration {
}
