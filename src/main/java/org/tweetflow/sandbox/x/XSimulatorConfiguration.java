package org.tweetflow.sandbox.x;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The simulated X: its state, its OAuth pages, API endpoints, demo pictures and data exports, and its settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SimulationProperties.class)
@Import({XOAuthController.class, XApiController.class, XMediaController.class, XExportController.class})
public class XSimulatorConfiguration {

    @Bean
    XSimulator xSimulator(Clock clock, SimulationProperties properties) {
        return new XSimulator(clock, properties);
    }

    @Bean
    DemoPictures demoPictures() {
        return new DemoPictures();
    }
}
