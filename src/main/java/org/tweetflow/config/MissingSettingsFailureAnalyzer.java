package org.tweetflow.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Says why a start without the providers' settings stops, and both ways on: ahead of Spring Boot's analyzer of
 * binding failures, which would print the exception buried in "Failed to bind properties under 'tweetflow'".
 */
class MissingSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingSettingsException> implements Ordered {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSettingsException cause) {
        return new FailureAnalysis(
                "tweetflow talks to the real X and Open Humans unless the sandbox is turned on, and these settings "
                        + "are not set: " + String.join(", ", cause.missing()) + ".",
                "Set them to use the real providers (docs/configuration.md), or set TWEETFLOW_SANDBOX=true to run "
                        + "against the simulated X and Open Humans (./mvnw spring-boot:run does; docs/sandbox.md).",
                cause);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
