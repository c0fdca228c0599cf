package org.tweetflow.sandbox;

/** Where the sandbox answers and the clients it knows; {@link SandboxSettings} hands the clients to the service. */
public final class SandboxClients {

    public static final String ROOT = "/sandbox";
    public static final String X_PATH = ROOT + "/x";
    public static final String OPEN_HUMANS_PATH = ROOT + "/openhumans";
    public static final String X_CLIENT_ID = "tweetflow-sandbox-x";
    public static final String X_CLIENT_SECRET = "sandbox-x-secret";
    public static final String OPEN_HUMANS_CLIENT_ID = "tweetflow-sandbox-openhumans";
    public static final String OPEN_HUMANS_CLIENT_SECRET = "sandbox-openhumans-secret";
    /**
     * The app-only bearer token of the sandbox's X app (X's "Bearer Token" of an app's keys). Not handed to the
     * service: set {@code TWEETFLOW_TWITTER_BEARER_TOKEN} to it to collect as the app.
     */
    public static final String X_APP_BEARER_TOKEN = "tweetflow-sandbox-x-app-bearer-token";

    private SandboxClients() {
    }
}
