package org.tweetflow.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Plain HTTP/1.1 requests to the sandbox on the test's port, as any client would send them. */
public final class SandboxHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    public SandboxHttp(int port) {
        this.port = port;
    }

    /** An absolute URL for a path of this server (a path the sandbox produced may name another port). */
    public URI local(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }

    /** A GET of {@code /sandbox/x<path>} with a bearer token. */
    public HttpResponse<String> x(String path, String bearer) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(local(SandboxClients.X_PATH + path)).header("Authorization",
                "Bearer " + bearer).GET().build());
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    public static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The path and query of an absolute URL. */
    public static String pathAndQuery(String absolute) {
        URI uri = URI.create(absolute);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
