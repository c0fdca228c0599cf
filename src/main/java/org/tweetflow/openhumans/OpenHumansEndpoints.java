package org.tweetflow.openhumans;

import java.net.URI;

/** Where Open Humans is (authorize, token and API paths hang off one base URL), and this project's client. */
public record OpenHumansEndpoints(URI baseUrl, String clientId, String clientSecret) {

    public URI authorizeUrl() {
        return path("/direct-sharing/projects/oauth2/authorize/");
    }

    public URI tokenUrl() {
        return path("/oauth2/token/");
    }

    public URI path(String path) {
        return URI.create(baseUrl.toString().replaceAll("/+$", "") + path);
    }
}
