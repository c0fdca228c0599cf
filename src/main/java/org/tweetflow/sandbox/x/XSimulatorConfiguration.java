package org.tweetflow.sandbox.x;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.tweetflow.sandbox.ConditionalOnSandbox;

/** Binds the settings of the simulated X API. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandbox
@EnableConfigurationProperties(SimulationProperties.class)
class XSimulatorConfiguration {
}
