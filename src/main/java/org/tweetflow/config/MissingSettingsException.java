package org.tweetflow.config;

import java.util.List;

/**
 * The service was started for the real providers (the sandbox is off) without their settings. Thrown while the
 * settings are bound; {@link MissingSettingsFailureAnalyzer} turns it into the start-up's last words.
 */
public class MissingSettingsException extends IllegalStateException {

    private final List<String> missing;

    public MissingSettingsException(List<String> missing) {
        super(String.join(", ", missing) + " not set, and the sandbox is off (TWEETFLOW_SANDBOX is not true)");
        this.missing = List.copyOf(missing);
    }

    /** The environment variables that are required outside the sandbox and not set. */
    public List<String> missing() {
        return missing;
    }
}
