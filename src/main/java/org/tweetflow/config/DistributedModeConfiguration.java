package org.tweetflow.config;

import org.springframework.boot.actuate.autoconfigure.data.redis.RedisHealthContributorAutoConfiguration;
import org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration;
import org.springframework.boot.autoconfigure.session.SessionAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Boot's Redis client, its health check and Spring Session on Redis, only in distributed mode. The application
 * excludes them from the automatic configuration, because the starters on the class path would otherwise connect
 * the single-machine default to a Redis server that is not there. Imported as plain configuration, in this order (the
 * client before what needs it): {@code @ImportAutoConfiguration} shares the application's exclusions, so it would
 * import nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRedis
@Import({RedisAutoConfiguration.class, RedisHealthContributorAutoConfiguration.class,
        SessionAutoConfiguration.class})
public class DistributedModeConfiguration {
}
