package org.tweetflow.sandbox;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Puts {@link SandboxFaults} in front of both simulated services; every {@code @TweetflowTest} imports it. */
@TestConfiguration(proxyBeanMethods = false)
@ConditionalOnSandbox
public class SandboxFaultInjection {

    @Bean
    SandboxFaults sandboxFaults() {
        return new SandboxFaults();
    }

    @Bean
    SandboxFaultFilter sandboxFaultFilter(SandboxFaults faults) {
        return new SandboxFaultFilter(faults);
    }
}
