package org.tweetflow.sandbox;

import java.net.URI;

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
    /** The ops account's password while no other is set: the sandbox's management port opens with ops / sandbox. */
    public static final String OPS_PASSWORD = "sandbox";
    public static final String X_APP_BEARER_TOKEN = "tweetflow-sandbox-x-app-bearer-token";

    /** The callback URL registered for the sandbox's X app (X's developer portal), under the service's address. */
    static final String X_CALLBACK_PATH = "/connect/twitter/callback";
    /** The redirect URL of the sandbox's Open Humans project (the project's one redirect URL). */
    static final String OPEN_HUMANS_REDIRECT_PATH = "/login/oauth2/code/openhumans";

    private SandboxClients() {
    }

    /** The one {@code redirect_uri} X's authorize page sends a code to: character for character, nothing else. */
    public static String xCallback(URI publicUrl) {
        return under(publicUrl, X_CALLBACK_PATH);
    }

    /** The one {@code redirect_uri} Open Humans' authorize page sends a code to. */
    public static String openHumansRedirect(URI publicUrl) {
        return under(publicUrl, OPEN_HUMANS_REDIRECT_PATH);
    }

    private static String under(URI publicUrl, String path) {
        return publicUrl.toString().replaceAll("/+$", "") + path;
    }
}
