package org.tweetflow.sandbox.x;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The simulated X: its state, its OAuth pages, API endpoints and demo pictures, and its settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SimulationProperties.class)
@Import({XOAuthController.class, XApiController.class, XMediaController.class})
public class XSimulatorConfiguration {

    @Bean
    XSimulator xSimulator(Clock clock, SimulationProperties properties) {
        return new XSimulator(clock, properties);
    }
}
