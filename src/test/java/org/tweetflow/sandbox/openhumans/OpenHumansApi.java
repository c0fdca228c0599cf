package org.tweetflow.sandbox.openhumans;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.tweetflow.sandbox.SandboxClients;
import org.tweetflow.sandbox.SandboxHttp;

/**
 * Requests to the simulated Open Humans (and the S3 storage behind it) as the product and a browser send them.
 * Injected into a {@code @SandboxTest}.
 */
public class OpenHumansApi {

    private final SandboxHttp http;

    public OpenHumansApi(SandboxHttp http) {
        this.http = http;
    }

    /** A path below the simulator (or an absolute path starting with /sandbox/openhumans) on this test's port. */
    public URI local(String path) {
        String full = path.startsWith(SandboxClients.OPEN_HUMANS_PATH) ? path : SandboxClients.OPEN_HUMANS_PATH + path;
        return http.local(full);
    }

    /** A GET of a path below the simulator, with a bearer token or none ({@code null}). */
    public HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(local(path)).GET();
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build());
    }

    /** A POST of a form to a path below the simulator, with a bearer token or none ({@code null}). */
    public HttpResponse<String> post(String path, String form, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(local(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build());
    }

    /** The member's record and files, by the access token in the query as the product asks for it. */
    public HttpResponse<String> exchangeMember(String accessToken) throws IOException, InterruptedException {
        return get("/api/direct-sharing/project/exchange-member/?access_token=" + accessToken, null);
    }

    /** A POST of the form to the token endpoint, the client authenticated with HTTP Basic and this secret. */
    public HttpResponse<String> token(String secret, String form) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((SandboxClients.OPEN_HUMANS_CLIENT_ID + ":" + secret)
                .getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(local("/oauth2/token/")).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** The first step of a direct upload: the file's record and its presigned upload URL (201) or the refusal. */
    public HttpResponse<String> uploadDirect(String token, String member, String filename, String metadata)
            throws IOException, InterruptedException {
        String form = SandboxHttp.form(Map.of("project_member_id", member, "filename", filename, "metadata", metadata));
        return post("/api/direct-sharing/project/files/upload/direct/?access_token=" + token, form, null);
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request);
    }

    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        return http.send(request, body);
    }
}
