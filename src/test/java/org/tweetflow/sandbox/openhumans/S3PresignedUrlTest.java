package org.tweetflow.sandbox.openhumans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tweetflow.sandbox.SandboxHttp.enc;
import static org.tweetflow.sandbox.SandboxHttp.json;
import static org.tweetflow.sandbox.SandboxHttp.pathAndQuery;
import static org.tweetflow.sandbox.SandboxHttp.query;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tweetflow.sandbox.SandboxClients;
import org.tweetflow.sandbox.SandboxHttp;
import org.tweetflow.sandbox.SandboxTest;

/**
 * The presigned S3 URLs of Open Humans' direct upload and download: AWS signature version 2 over the method,
 * Content-MD5, Content-Type, Expires, x-amz-* headers and resource, with S3's refusals.
 */
@SandboxTest
class S3PresignedUrlTest {

    private static final String BEN = "10000002";
    private static final String META = "{\"description\":\"an archive\",\"tags\":[\"tweets\"]}";
    private static final byte[] CONTENT = "{\"tweets\":[1,2,3]}".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE_DOES_NOT_MATCH = "<Error><Code>SignatureDoesNotMatch</Code><Message>The "
            + "request signature we calculated does not match the signature you provided. Check your key and signing "
            + "method.</Message>";

    @LocalServerPort
    int port;

    @Autowired
    OpenHumansSimulator simulator;

    @Autowired
    S3Presigner presigner;

    @Autowired
    OpenHumansApi openHumans;

    @Autowired
    SandboxHttp http;

    @Test
    void uploadUrlIsSignedWithSignatureVersion2ForAPutWithoutContentTypeOrMd5() throws Exception {
        String url = uploadUrl("archive 2026.json");
        assertThat(url).matches("http://localhost:\\d+/sandbox/openhumans/storage/[0-9a-f-]{36}/archive%202026\\.json"
                + "\\?AWSAccessKeyId=AKIASANDBOXOPENHUMANS&Expires=\\d+&Signature=[A-Za-z0-9%]+");
        Map<String, String> q = query(url);
        long expires = Long.parseLong(q.get("Expires"));
        assertThat(expires).isBetween(Instant.now().getEpochSecond() + 3500, Instant.now().getEpochSecond() + 3700);
        String resource = "/" + S3Presigner.BUCKET + URI.create(url).getRawPath().substring(
                (SandboxClients.OPEN_HUMANS_PATH + S3Presigner.STORAGE_PATH).length());
        String stringToSign = "PUT\n\n\n" + expires + "\n" + resource;
        assertThat(q.get("Signature")).isEqualTo(hmacSha1(stringToSign));
    }

    @Test
    void putWithoutContentTypeOrMd5IsStored() throws Exception {
        String url = uploadUrl("archive.json");
        HttpResponse<String> put = http.send(put(url).build());
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.headers().firstValue("ETag")).contains(
                "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(CONTENT)) + "\"");
    }

    @Test
    void putWithContentTypeIsSignatureDoesNotMatch() throws Exception {
        HttpResponse<String> put = http.send(put(uploadUrl("archive.json"))
                .header("Content-Type", "application/octet-stream").build());
        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(put.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/xml");
        assertThat(put.body()).contains(SIGNATURE_DOES_NOT_MATCH)
                .contains("<StringToSign>PUT\n\napplication/octet-stream\n");
    }

    @Test
    void putWithContentMd5IsSignatureDoesNotMatch() throws Exception {
        String md5 = java.util.Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(CONTENT));
        HttpResponse<String> put = http.send(put(uploadUrl("archive.json")).header("Content-MD5", md5).build());
        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(put.body()).contains(SIGNATURE_DOES_NOT_MATCH).contains("<StringToSign>PUT\n" + md5 + "\n");
    }

    @Test
    void putWithAnAmzHeaderIsSignatureDoesNotMatch() throws Exception {
        HttpResponse<String> put = http.send(put(uploadUrl("archive.json")).header("x-amz-meta-owner", "ben")
                .build());
        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(put.body()).contains(SIGNATURE_DOES_NOT_MATCH).contains("x-amz-meta-owner:ben\n/");
    }

    @Test
    void getOnAnUploadUrlIsSignatureDoesNotMatch() throws Exception {
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(http.local(pathAndQuery(uploadUrl("a.json"))))
                .GET().build());
        assertThat(get.statusCode()).isEqualTo(403);
        assertThat(get.body()).contains(SIGNATURE_DOES_NOT_MATCH);
    }

    @Test
    void putWithALaterExpiresIsSignatureDoesNotMatch() throws Exception {
        String url = uploadUrl("archive.json");
        String expires = query(url).get("Expires");
        String later = url.replace("Expires=" + expires, "Expires=" + (Long.parseLong(expires) + 86400));
        HttpResponse<String> put = http.send(put(later).build());
        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(put.body()).contains(SIGNATURE_DOES_NOT_MATCH);
    }

    @Test
    void putAfterExpiryIsAccessDeniedRequestHasExpired() throws Exception {
        String url = uploadUrl("archive.json");
        long past = Instant.now().getEpochSecond() - 60;
        String resource = "/" + S3Presigner.BUCKET + URI.create(url).getRawPath().substring(
                (SandboxClients.OPEN_HUMANS_PATH + S3Presigner.STORAGE_PATH).length());
        String expired = URI.create(url).getRawPath() + "?AWSAccessKeyId=" + S3Presigner.ACCESS_KEY_ID + "&Expires="
                + past + "&Signature=" + enc(hmacSha1("PUT\n\n\n" + past + "\n" + resource));
        HttpResponse<String> put = http.send(put(expired).build());
        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(put.body()).contains("<Error><Code>AccessDenied</Code><Message>Request has expired</Message>"
                + "<Expires>" + Instant.ofEpochSecond(past) + "</Expires><ServerTime>");
    }

    @Test
    void chunkedPutIs501NotImplemented() throws Exception {
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(http.local(pathAndQuery(uploadUrl("a.json"))))
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(CONTENT))).build());
        assertThat(put.statusCode()).isEqualTo(501);
        assertThat(put.body()).contains("<Error><Code>NotImplemented</Code><Message>A header you provided implies "
                + "functionality that is not implemented</Message><Header>Transfer-Encoding</Header>");
    }

    @Test
    void putWithoutContentLengthIs411MissingContentLength() throws Exception {
        String target = pathAndQuery(uploadUrl("a.json"));
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 411").contains("<Code>MissingContentLength</Code>");
        }
    }

    /** S3 takes at most 5 GB in one PUT, and says so from the Content-Length, before reading the body. */
    @Test
    void putLargerThanOnePutMayBeIs400EntityTooLarge() throws Exception {
        long fiveGigabytes = 5L * 1024 * 1024 * 1024;
        String target = pathAndQuery(uploadUrl("huge.json"));
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + target + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + (fiveGigabytes + 1)
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // read up to the error's end, not to the end of the stream: the server waits for the unsent body
            String answer = answerUpTo(socket.getInputStream(), "</Error>");
            assertThat(answer).startsWith("HTTP/1.1 400").contains("<Error><Code>EntityTooLarge</Code><Message>Your "
                    + "proposed upload exceeds the maximum allowed object size.</Message><ProposedSize>"
                    + (fiveGigabytes + 1) + "</ProposedSize><MaxSizeAllowed>" + fiveGigabytes + "</MaxSizeAllowed>");
        }
    }

    @Test
    void putWithAnAuthorizationHeaderIs400InvalidArgument() throws Exception {
        HttpResponse<String> put = http.send(put(uploadUrl("archive.json")).header("Authorization", "Bearer abc")
                .build());
        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(put.body()).contains("<Error><Code>InvalidArgument</Code><Message>Only one auth mechanism "
                + "allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the "
                + "Authorization header should be specified</Message><ArgumentName>Authorization</ArgumentName>");
    }

    @ParameterizedTest
    @CsvSource({"x-rate-limit-remaining, 899", "x-rate-limit-reset, 1767225600", "set-cookie, JSESSIONID=abc",
            "location, http://localhost/next"})
    void putCarryingAnAnswerHeaderIsSignatureDoesNotMatch(String header, String value) throws Exception {
        HttpResponse<String> put = http.send(put(uploadUrl("archive.json")).header(header, value).build());
        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(put.body()).contains(SIGNATURE_DOES_NOT_MATCH)
                .contains("<SandboxHeadersNotSigned>" + header + "</SandboxHeadersNotSigned>");
    }

    @Test
    void putWithAnotherAccessKeyIs403InvalidAccessKeyId() throws Exception {
        String url = uploadUrl("archive.json").replace(S3Presigner.ACCESS_KEY_ID, "AKIAIKNTFUJJTNS6N7HA");
        HttpResponse<String> put = http.send(put(url).build());
        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(put.body()).contains("<Code>InvalidAccessKeyId</Code>");
    }

    @Test
    void putWithoutSignatureIs403AccessDenied() throws Exception {
        String url = uploadUrl("archive.json");
        HttpResponse<String> put = http.send(put(url.substring(0, url.indexOf('?'))).build());
        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(put.body()).contains("<Code>AccessDenied</Code><Message>Query-string authentication requires the "
                + "Signature, Expires and AWSAccessKeyId parameters</Message>");
    }

    @Test
    void downloadRedirectsToAGetSignedTheSameWay() throws Exception {
        simulator.addFile(BEN, "dl.json", META, CONTENT);
        String token = simulator.issueToken(BEN);
        String downloadUrl = json(openHumans.exchangeMember(token)).at("/data/0/download_url").asText();
        HttpResponse<String> redirect = http.send(HttpRequest.newBuilder(http.local(pathAndQuery(downloadUrl))).GET()
                .build());
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/dl.json?AWSAccessKeyId=" + S3Presigner.ACCESS_KEY_ID + "&Expires=");

        HttpRequest.Builder get = HttpRequest.newBuilder(http.local(pathAndQuery(location))).GET();
        assertThat(http.send(get.build()).statusCode()).isEqualTo(200);
        assertThat(http.send(get.copy().header("Content-Type", "application/json").build()).body())
                .contains(SIGNATURE_DOES_NOT_MATCH);
        assertThat(http.send(get.copy().header("Authorization", "Bearer " + token).build()).statusCode())
                .isEqualTo(400);
        assertThat(http.send(get.copy().header("set-cookie", "a=b").build()).statusCode()).isEqualTo(403);
    }

    // ------------------------------------------------------------------ helpers

    private String uploadUrl(String filename) throws Exception {
        HttpResponse<String> direct = openHumans.uploadDirect(simulator.issueToken(BEN), BEN, filename, META);
        assertThat(direct.statusCode()).as(direct.body()).isEqualTo(201);
        return json(direct).path("url").asText();
    }

    private HttpRequest.Builder put(String url) {
        return HttpRequest.newBuilder(http.local(pathAndQuery(url)))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(CONTENT));
    }

    private String hmacSha1(String stringToSign) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(presigner.secretKey(), "HmacSHA1"));
        return java.util.Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    }

    private static String answerUpTo(InputStream in, String end) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            answer.write(b);
            if (answer.toString(StandardCharsets.UTF_8).endsWith(end)) {
                break;
            }
        }
        return answer.toString(StandardCharsets.UTF_8);
    }
}
