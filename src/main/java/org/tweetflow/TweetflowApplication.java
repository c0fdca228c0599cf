package org.tweetflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.autoconfigure.data.redis.RedisHealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.data.redis.RedisReactiveHealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration;
import org.springframework.boot.autoconfigure.data.redis.RedisReactiveAutoConfiguration;
import org.springframework.boot.autoconfigure.data.redis.RedisRepositoriesAutoConfiguration;
import org.springframework.boot.autoconfigure.session.SessionAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.tweetflow.config.DistributedModeConfiguration;
import org.tweetflow.config.TweetflowProperties;

/**
 * {@code @SpringBootApplication} spelled out, because the scan leaves out {@code org.tweetflow.sandbox}: the sandbox
 * comes in only through its own auto-configuration, while it is on. Redis and Spring Session come in only in
 * distributed mode ({@link DistributedModeConfiguration}). Configuration of the management server's own context is
 * loaded there alone (its {@code ManagementContextConfiguration.imports}), never by the scan.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = {RedisAutoConfiguration.class, RedisReactiveAutoConfiguration.class,
        RedisRepositoriesAutoConfiguration.class, RedisHealthContributorAutoConfiguration.class,
        RedisReactiveHealthContributorAutoConfiguration.class, SessionAutoConfiguration.class})
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.tweetflow\\.sandbox\\..*"),
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = ManagementContextConfiguration.class)})
@ConfigurationPropertiesScan(basePackageClasses = TweetflowProperties.class)
public class TweetflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(TweetflowApplication.class, args);
    }
}
