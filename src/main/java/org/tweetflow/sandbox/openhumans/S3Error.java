package org.tweetflow.sandbox.openhumans;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/**
 * An error answer of the simulated S3 storage, in S3's XML: {@code <Error><Code>..</Code><Message>..</Message>
 * (details)<RequestId>..</RequestId><HostId>..</HostId></Error>}, with the codes and messages S3 documents.
 */
record S3Error(HttpStatus status, String code, String message, Map<String, String> details) {

    static final String SIGNATURE_DOES_NOT_MATCH = "The request signature we calculated does not match the signature"
            + " you provided. Check your key and signing method.";

    static S3Error signatureDoesNotMatch(String accessKeyId, String stringToSign, String signatureProvided) {
        return new S3Error(HttpStatus.FORBIDDEN, "SignatureDoesNotMatch", SIGNATURE_DOES_NOT_MATCH,
                details("AWSAccessKeyId", accessKeyId, "StringToSign", stringToSign, "SignatureProvided",
                        signatureProvided, "StringToSignBytes", hexBytes(stringToSign)));
    }

    /**
     * Headers the signature did not cover. S3 itself would let most of them pass; the sandbox refuses them as a
     * signature mismatch because they are answer headers that leaked into the next request (and names them).
     */
    static S3Error unsignedHeaders(String accessKeyId, String stringToSign, String signatureProvided,
            String headers) {
        S3Error e = signatureDoesNotMatch(accessKeyId, stringToSign, signatureProvided);
        Map<String, String> details = new LinkedHashMap<>(e.details());
        details.put("SandboxHeadersNotSigned", headers);
        return new S3Error(e.status(), e.code(), e.message(), details);
    }

    static S3Error expired(long expires, Instant serverTime) {
        return new S3Error(HttpStatus.FORBIDDEN, "AccessDenied", "Request has expired", details("Expires",
                Instant.ofEpochSecond(expires).toString(), "ServerTime",
                serverTime.truncatedTo(ChronoUnit.SECONDS).toString()));
    }

    static S3Error missingQueryAuthentication() {
        return new S3Error(HttpStatus.FORBIDDEN, "AccessDenied",
                "Query-string authentication requires the Signature, Expires and AWSAccessKeyId parameters",
                Map.of());
    }

    static S3Error invalidAccessKeyId(String accessKeyId) {
        return new S3Error(HttpStatus.FORBIDDEN, "InvalidAccessKeyId",
                "The AWS Access Key Id you provided does not exist in our records.",
                Map.of("AWSAccessKeyId", accessKeyId));
    }

    static S3Error accessDenied() {
        return new S3Error(HttpStatus.FORBIDDEN, "AccessDenied", "Access Denied", Map.of());
    }

    static S3Error onlyOneAuthMechanism(String authorization) {
        return new S3Error(HttpStatus.BAD_REQUEST, "InvalidArgument", "Only one auth mechanism allowed; only the "
                + "X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header "
                + "should be specified", details("ArgumentName", "Authorization", "ArgumentValue", authorization));
    }

    static S3Error chunkedUpload() {
        return new S3Error(HttpStatus.NOT_IMPLEMENTED, "NotImplemented",
                "A header you provided implies functionality that is not implemented",
                Map.of("Header", "Transfer-Encoding"));
    }

    static S3Error missingContentLength() {
        return new S3Error(HttpStatus.LENGTH_REQUIRED, "MissingContentLength",
                "You must provide the Content-Length HTTP header.", Map.of());
    }

    static S3Error entityTooLarge(long proposedSize, long maxSizeAllowed) {
        return new S3Error(HttpStatus.BAD_REQUEST, "EntityTooLarge",
                "Your proposed upload exceeds the maximum allowed object size.", details("ProposedSize",
                        Long.toString(proposedSize), "MaxSizeAllowed", Long.toString(maxSizeAllowed)));
    }

    static S3Error noSuchKey(String key) {
        return new S3Error(HttpStatus.NOT_FOUND, "NoSuchKey", "The specified key does not exist.",
                Map.of("Key", key));
    }

    /** The detail elements in the order S3 writes them. */
    private static Map<String, String> details(String... namesAndValues) {
        Map<String, String> details = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            details.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return details;
    }

    void write(HttpServletResponse response) throws IOException {
        String requestId = UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>");
        element(xml, "Code", code);
        element(xml, "Message", message);
        details.forEach((name, value) -> element(xml, name, value));
        element(xml, "RequestId", requestId);
        element(xml, "HostId", "sandbox");
        xml.append("</Error>");
        byte[] body = xml.toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_XML_VALUE);
        response.setHeader("x-amz-request-id", requestId);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static void element(StringBuilder xml, String name, String value) {
        xml.append('<').append(name).append('>').append(HtmlUtils.htmlEscape(value)).append("</").append(name)
                .append('>');
    }

    private static String hexBytes(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            out.append(out.length() == 0 ? "" : " ").append(String.format("%02x", b));
        }
        return out.toString();
    }
}
