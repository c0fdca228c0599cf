package org.tweetflow.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says which database or Redis settings stopped the start, and how to mend each. */
class UnsupportedSettingsFailureAnalyzer extends AbstractFailureAnalyzer<UnsupportedSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsupportedSettingsException cause) {
        return new FailureAnalysis("tweetflow cannot run on these database and Redis settings:\n - "
                + String.join("\n - ", cause.refused()),
                "Change the settings as each line says (docs/configuration.md, \"Distributed mode\").", cause);
    }
}
