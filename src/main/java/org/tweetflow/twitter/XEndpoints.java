package org.tweetflow.twitter;

import java.net.URI;

import org.tweetflow.config.Secrets;

/**
 * Where the X API and its OAuth 2.0 endpoints are, and the client this service is registered as.
 *
 * @param bearerToken the app's app-only bearer token, or null when none is configured
 */
public record XEndpoints(URI apiUrl, URI authorizeUrl, URI tokenUrl, URI revokeUrl, String clientId,
        String clientSecret, String bearerToken) {

    @Override
    public String toString() {
        return "XEndpoints[apiUrl=" + apiUrl + ", authorizeUrl=" + authorizeUrl + ", tokenUrl=" + tokenUrl
                + ", revokeUrl=" + revokeUrl + ", clientId=" + clientId + ", clientSecret="
                + Secrets.shown(clientSecret) + ", bearerToken=" + Secrets.shown(bearerToken) + "]";
    }

    public URI api(String path) {
        return URI.create(apiUrl.toString().replaceAll("/+$", "") + path);
    }

    /** The connected user ({@code GET /2/users/me}): the sign-in's user info and the account the member connected. */
    public URI usersMe() {
        return api("/2/users/me");
    }
}
