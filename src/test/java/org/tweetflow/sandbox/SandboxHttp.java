package org.tweetflow.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Plain HTTP/1.1 requests to the sandbox on the test's port, as any client would send them. A {@link SandboxTest}
 * gets one injected ({@code @Autowired SandboxHttp http}).
 */
public final class SandboxHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    public SandboxHttp(@Value("${server.port}") int port) {
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
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        return http.send(request, body);
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

    /** An application/x-www-form-urlencoded body of the fields, in their order. */
    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** The decoded parameters of a URL's query, in their order. */
    public static Map<String, String> query(String url) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** The path and query of an absolute URL. */
    public static String pathAndQuery(String absolute) {
        URI uri = URI.create(absolute);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
