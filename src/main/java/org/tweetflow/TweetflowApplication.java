package org.tweetflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.tweetflow.config.TweetflowProperties;

/**
 * {@code @SpringBootApplication} spelled out, because the scan leaves out {@code org.tweetflow.sandbox}: the sandbox
 * comes in only through its own auto-configuration, while it is on.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.tweetflow\\.sandbox\\..*")})
@ConfigurationPropertiesScan(basePackageClasses = TweetflowProperties.class)
public class TweetflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(TweetflowApplication.class, args);
    }
}
