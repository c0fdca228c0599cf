package org.tweetflow.sandbox.x;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.tweetflow.sandbox.SandboxClients;
import org.tweetflow.sandbox.SandboxHttp;

/**
 * GETs of the simulated X API v2 as one of its demo users: the calls named for an endpoint each with a token issued
 * to that user for the call (a new token gets no new rate-limit window: windows are the user's); or as the app, with
 * its bearer token. Injected into a {@code @SandboxTest}.
 */
public class XApi {

    private final SandboxHttp http;
    private final XSimulator sim;

    public XApi(SandboxHttp http, XSimulator sim) {
        this.http = http;
        this.sim = sim;
    }

    /** GET {@code /sandbox/x<pathAndQuery>} with this token (for the pages of one walk, say). */
    public HttpResponse<String> get(String pathAndQuery, String token) throws IOException, InterruptedException {
        return http.x(pathAndQuery, token);
    }

    /** GET {@code /sandbox/x<pathAndQuery>} without a token, as a browser asks for the OAuth pages. */
    public HttpResponse<String> page(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(http.local(SandboxClients.X_PATH + pathAndQuery)).GET().build());
    }

    /** GET {@code /sandbox/x<pathAndQuery>} as the app, with its app-only bearer token. */
    public HttpResponse<String> asTheApp(String pathAndQuery) throws IOException, InterruptedException {
        return get(pathAndQuery, SandboxClients.X_APP_BEARER_TOKEN);
    }

    /** The user's own timeline, {@code /2/users/:id/tweets}, with a fresh token of the user. */
    public HttpResponse<String> timeline(String user) throws IOException, InterruptedException {
        return get("/2/users/" + user + "/tweets", sim.issueToken(user));
    }

    /** The user's own timeline with a query, {@code /2/users/:id/tweets?<query>}. */
    public HttpResponse<String> timeline(String user, String query) throws IOException, InterruptedException {
        return get("/2/users/" + user + "/tweets?" + query, sim.issueToken(user));
    }

    /** Recent search, {@code /2/tweets/search/recent?<query>}, as the user. */
    public HttpResponse<String> search(String user, String query) throws IOException, InterruptedException {
        return get("/2/tweets/search/recent?" + query, sim.issueToken(user));
    }

    /** {@code /2/users/me?<query>} of the user. */
    public HttpResponse<String> me(String user, String query) throws IOException, InterruptedException {
        return get("/2/users/me?" + query, sim.issueToken(user));
    }
}
