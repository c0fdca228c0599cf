package org.tweetflow.openhumans;

import java.net.URI;

import org.tweetflow.config.Secrets;

/** Where Open Humans is (authorize, token and API paths hang off one base URL), and this project's client. */
public record OpenHumansEndpoints(URI baseUrl, String clientId, String clientSecret) {

    @Override
    public String toString() {
        return "OpenHumansEndpoints[baseUrl=" + baseUrl + ", clientId=" + clientId + ", clientSecret="
                + Secrets.shown(clientSecret) + "]";
    }

    public URI authorizeUrl() {
        return path("/direct-sharing/projects/oauth2/authorize/");
    }

    public URI tokenUrl() {
        return path("/oauth2/token/");
    }

    /** The member and their files, 100 a page: also the sign-in's user info. */
    public URI exchangeMember() {
        return path("/api/direct-sharing/project/exchange-member/");
    }

    public URI uploadDirect() {
        return path("/api/direct-sharing/project/files/upload/direct/");
    }

    public URI uploadComplete() {
        return path("/api/direct-sharing/project/files/upload/complete/");
    }

    public URI deleteFile() {
        return path("/api/direct-sharing/project/files/delete/");
    }

    private URI path(String path) {
        return URI.create(baseUrl.toString().replaceAll("/+$", "") + path);
    }
}
