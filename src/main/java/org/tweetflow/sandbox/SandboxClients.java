package org.tweetflow.sandbox;

/** The client registrations the sandbox knows; the service uses them while the sandbox is on. */
public final class SandboxClients {

    public static final String X_PATH = "/sandbox/x";
    public static final String OPEN_HUMANS_PATH = "/sandbox/openhumans";
    public static final String X_CLIENT_ID = "tweetflow-sandbox-x";
    public static final String X_CLIENT_SECRET = "sandbox-x-secret";
    public static final String OPEN_HUMANS_CLIENT_ID = "tweetflow-sandbox-openhumans";
    public static final String OPEN_HUMANS_CLIENT_SECRET = "sandbox-openhumans-secret";

    private SandboxClients() {
    }
}
