package org.tweetflow.sandbox.openhumans;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.util.UriUtils;
import org.tweetflow.config.TweetflowProperties;
import org.tweetflow.sandbox.SandboxClients;

/**
 * The simulated S3 bucket's query-string authentication (AWS signature version 2), as Open Humans hands it out:
 * {@code <storage>/<key>/<name>?AWSAccessKeyId=..&Expires=<epoch seconds>&Signature=<url-encoded base64 HMAC-SHA1>},
 * and the checks S3 makes when such a URL is used.
 */
class S3Presigner {

    static final String ACCESS_KEY_ID = "AKIASANDBOXOPENHUMANS";
    static final String BUCKET = "open-humans-sandbox";
    static final String STORAGE_PATH = "/storage";
    static final Duration TTL = Duration.ofHours(1);
    private static final String BUCKET_ROOT = "/" + BUCKET;

    /**
     * Answer headers that no client sends to a presigned URL: finding one means the client carried the headers of an
     * earlier answer (Open Humans', X's) into this request. PROVIDERS.md: the PUT carries no header the signature did
     * not cover. A Cookie is no such sign: real S3 lives on a host of its own, but the sandbox's storage shares this
     * service's host, so a member's browser following a download link sends the service's session cookie along.
     */
    private static final Set<String> ANSWER_HEADERS = Set.of("set-cookie", "location", "www-authenticate",
            "retry-after", "etag", "last-modified", "vary", "allow", "server", "x-frame-options");
    private static final String RATE_LIMIT_HEADERS = "x-rate-limit-";

    private final Clock clock;
    private final TweetflowProperties properties;
    private final byte[] secretKey = new byte[30];

    S3Presigner(Clock clock, TweetflowProperties properties) {
        this.clock = clock;
        this.properties = properties;
        new SecureRandom().nextBytes(secretKey);
    }

    /** A URL for one {@code method} on the object, valid for {@link #TTL}. */
    String url(String method, String storageKey, String basename) {
        long expires = clock.instant().plus(TTL).getEpochSecond();
        String objectPath = "/" + storageKey + "/" + UriUtils.encodePathSegment(basename, StandardCharsets.UTF_8);
        String signature = StringToSign.presigned(method, expires, BUCKET_ROOT + objectPath).sign(secretKey);
        return publicRoot() + STORAGE_PATH + objectPath + "?AWSAccessKeyId=" + ACCESS_KEY_ID + "&Expires=" + expires
                + "&Signature=" + URLEncoder.encode(signature, StandardCharsets.UTF_8);
    }

    /** The refusal S3 answers this use of a presigned URL with, or empty when it lets the request through. */
    Optional<S3Error> refusal(HttpServletRequest request) {
        String signature = request.getParameter("Signature");
        String accessKeyId = request.getParameter("AWSAccessKeyId");
        String expires = request.getParameter("Expires");
        String authorization = request.getHeader("Authorization");
        if (authorization != null && signature != null) {
            return Optional.of(S3Error.onlyOneAuthMechanism(authorization));
        }
        if (signature == null || accessKeyId == null || expires == null) {
            return Optional.of(S3Error.missingQueryAuthentication());
        }
        if (!ACCESS_KEY_ID.equals(accessKeyId)) {
            return Optional.of(S3Error.invalidAccessKeyId(accessKeyId));
        }
        long expiresAt = expires.matches("[0-9]{1,18}") ? Long.parseLong(expires) : 0;
        if (clock.instant().getEpochSecond() > expiresAt) {
            return Optional.of(S3Error.expired(expiresAt, clock.instant()));
        }
        StringToSign received = StringToSign.of(request, expires, resource(request));
        if (!MessageDigest.isEqual(received.sign(secretKey).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(S3Error.signatureDoesNotMatch(ACCESS_KEY_ID, received.text(), signature));
        }
        List<String> leaked = answerHeaders(request);
        if (!leaked.isEmpty()) {
            return Optional.of(S3Error.unsignedHeaders(ACCESS_KEY_ID, received.text(), signature,
                    String.join(",", leaked)));
        }
        return Optional.empty();
    }

    /** The secret access key, for tests that check a URL's signature themselves. */
    byte[] secretKey() {
        return secretKey.clone();
    }

    /** CanonicalizedResource: the bucket and the object's path as the client sent it (still URL-encoded). */
    static String resource(HttpServletRequest request) {
        String uri = request.getRequestURI();
        int storage = uri.indexOf(SandboxClients.OPEN_HUMANS_PATH + STORAGE_PATH + "/");
        return BUCKET_ROOT + uri.substring(storage + SandboxClients.OPEN_HUMANS_PATH.length() + STORAGE_PATH.length());
    }

    private static List<String> answerHeaders(HttpServletRequest request) {
        List<String> found = new ArrayList<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (ANSWER_HEADERS.contains(lower) || lower.startsWith(RATE_LIMIT_HEADERS)) {
                found.add(lower);
            }
        }
        return found;
    }

    private String publicRoot() {
        String root = properties.publicUrl().toString();
        return (root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + SandboxClients.OPEN_HUMANS_PATH;
    }
}
