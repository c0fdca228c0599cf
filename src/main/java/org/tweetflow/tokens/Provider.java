package org.tweetflow.tokens;

/**
 * The two providers a member grants this service access to. Their ids are Spring Security's client registration
 * ids and the {@code provider} column of {@code oauth_token}; this is the one place they are spelled.
 */
public enum Provider {

    X("twitter", "X"),
    OPEN_HUMANS("openhumans", "Open Humans");

    private final String registrationId;
    private final String displayName;

    Provider(String registrationId, String displayName) {
        this.registrationId = registrationId;
        this.displayName = displayName;
    }

    public String registrationId() {
        return registrationId;
    }

    public String displayName() {
        return displayName;
    }

    public static Provider ofRegistrationId(String registrationId) {
        for (Provider provider : values()) {
            if (provider.registrationId.equals(registrationId)) {
                return provider;
            }
        }
        throw new IllegalArgumentException("no provider registered as " + registrationId);
    }
}
