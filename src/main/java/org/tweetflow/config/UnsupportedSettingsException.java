package org.tweetflow.config;

import java.util.List;

/**
 * The database and Redis settings cannot run the service as configured ({@link DeploymentSettings}). Thrown before
 * anything starts; {@link UnsupportedSettingsFailureAnalyzer} turns it into the start-up's last words.
 */
public class UnsupportedSettingsException extends IllegalStateException {

    private final List<String> refused;

    public UnsupportedSettingsException(List<String> refused) {
        super(String.join("; ", refused));
        this.refused = List.copyOf(refused);
    }

    /** Each setting refused, with its fix. */
    public List<String> refused() {
        return refused;
    }
}
