package org.tweetflow.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.tweetflow.sandbox.SandboxHttp;

/**
 * One browser's plain HTTP/1.1 requests to the service at {@code base}: it keeps the session cookie it is given and
 * follows no redirect by itself, so a test sees each step of the sign-in flows. Many of them may share one
 * {@link HttpClient} (its connections), each with a session of its own.
 */
public final class HttpBrowser {

    private final HttpClient http;
    private final URI base;
    /** The session cookie's value; null before the service set one. */
    private volatile String session;

    public HttpBrowser(HttpClient http, URI base) {
        this.http = http;
        this.base = base;
    }

    /** A client as these browsers need it: HTTP/1.1, no redirects followed. */
    public static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Signs in with the sandbox's Open Humans as demo member {@code projectMemberId}: the address the flow ends at
     * ({@code /connect} for a member without X, {@code /dashboard} for one with it).
     */
    public String signIn(String projectMemberId) throws IOException, InterruptedException {
        return authorize(get("/oauth2/authorization/openhumans"), Map.of("project_member_id", projectMemberId,
                "decision", "authorize"));
    }

    /** Connects X account {@code xUserId} of the sandbox from the connect page: the address the flow ends at. */
    public String connectX(String xUserId) throws IOException, InterruptedException {
        Document connect = page("/connect");
        return authorize(get(connect.getElementById("connect-x").attr("href")), Map.of("user_id", xUserId,
                "decision", "allow"));
    }

    /**
     * Takes the provider's consent page the authorization start leads to, sends its form with {@code choices}, and
     * follows the redirects back into the service until they stop: the address they end at.
     */
    public String authorize(HttpResponse<String> start, Map<String, String> choices)
            throws IOException, InterruptedException {
        if (start.statusCode() != 302) {
            throw new AssertionError("the flow did not start with a redirect but " + start.statusCode());
        }
        Document consent = page(location(start));
        Element form = consent.selectFirst("form");
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.attr("value")));
        fields.putAll(choices);
        HttpResponse<String> answer = post(form.attr("action"), fields);
        while (answer.statusCode() == 302) {
            String next = location(answer);
            answer = get(next);
            if (answer.statusCode() == 200) {
                return next;
            }
        }
        throw new AssertionError("the flow stopped with " + answer.statusCode() + ": " + answer.body());
    }

    /** The page at {@code url}, which must answer 200. */
    public Document page(String url) throws IOException, InterruptedException {
        HttpResponse<String> answer = get(url);
        if (answer.statusCode() != 200) {
            throw new AssertionError(url + " answered " + answer.statusCode());
        }
        return Jsoup.parse(answer.body(), absolute(url).toString());
    }

    public HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return get(url, "text/html");
    }

    public HttpResponse<String> get(String url, String accept) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(absolute(url)).header("Accept", accept).GET());
    }

    public HttpResponse<String> post(String url, Map<String, String> form) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(absolute(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(SandboxHttp.form(form))));
    }

    /**
     * Sends {@code files} as a browser sends a form's file field ({@code multipart/form-data}), each streamed from
     * disk under its own name.
     */
    public HttpResponse<String> upload(String url, String field, List<Path> files)
            throws IOException, InterruptedException {
        String boundary = "----tweetflowTest" + UUID.randomUUID();
        List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
        for (Path file : files) {
            parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                    + field + "\"; filename=\"" + file.getFileName() + "\"\r\nContent-Type: application/octet-stream"
                    + "\r\n\r\n"));
            parts.add(HttpRequest.BodyPublishers.ofFile(file));
            parts.add(HttpRequest.BodyPublishers.ofString("\r\n"));
        }
        parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "--\r\n"));
        return send(HttpRequest.newBuilder(absolute(url)).header("Content-Type", "multipart/form-data; boundary="
                + boundary).POST(HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new))));
    }

    /** One request as a browser sends it: with the session cookie, keeping the one it is given. */
    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        String cookie = session;
        if (cookie != null) {
            request.header("Cookie", "JSESSIONID=" + cookie);
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .forEach(c -> session = c.substring("JSESSIONID=".length(), c.indexOf(';')));
        return answer;
    }

    public String session() {
        return session;
    }

    /** Sends {@code cookie} from now on, as a browser that kept an older one. */
    public void session(String cookie) {
        session = cookie;
    }

    public URI absolute(String url) {
        return base.resolve(url);
    }

    private static String location(HttpResponse<?> answer) {
        return answer.uri().resolve(answer.headers().firstValue("Location").orElseThrow()).toString();
    }
}
