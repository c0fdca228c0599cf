package org.tweetflow.sandbox.openhumans;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.tweetflow.config.TweetflowProperties;

/** The simulated Open Humans: its members and files, its S3 storage, its pages and endpoints, and its settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpenHumansSimulationProperties.class)
@Import({OpenHumansAuthorizeController.class, OpenHumansApiController.class, S3StorageController.class})
public class OpenHumansSimulatorConfiguration {

    @Bean
    OpenHumansSimulator openHumansSimulator(Clock clock, OpenHumansSimulationProperties properties) {
        return new OpenHumansSimulator(clock, properties);
    }

    @Bean
    S3Presigner s3Presigner(Clock clock, TweetflowProperties properties) {
        return new S3Presigner(clock, properties);
    }
}
