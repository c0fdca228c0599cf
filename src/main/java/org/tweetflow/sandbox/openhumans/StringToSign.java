package org.tweetflow.sandbox.openhumans;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What AWS signature version 2 signs: {@code HTTP-Verb \n Content-MD5 \n Content-Type \n Expires \n
 * CanonicalizedAmzHeaders CanonicalizedResource}. A presigned URL is signed with the values the client will send;
 * S3 rebuilds this from the request it receives, so any other method, Content-MD5, Content-Type or x-amz-* header
 * changes the signature.
 */
record StringToSign(String method, String contentMd5, String contentType, String expires, String amzHeaders,
        String resource) {

    /** What a presigned URL for {@code method} is signed with: no Content-MD5, no Content-Type, no x-amz-*. */
    static StringToSign presigned(String method, long expires, String resource) {
        return new StringToSign(method, "", "", Long.toString(expires), "", resource);
    }

    /** What the request actually carries. */
    static StringToSign of(HttpServletRequest request, String expires, String resource) {
        return new StringToSign(request.getMethod(), headerOrEmpty(request, "Content-MD5"),
                headerOrEmpty(request, "Content-Type"), expires, amzHeaders(request), resource);
    }

    String text() {
        return method + "\n" + contentMd5 + "\n" + contentType + "\n" + expires + "\n" + amzHeaders + resource;
    }

    /** Base64 of HMAC-SHA1 over the text, keyed with the secret access key. */
    String sign(byte[] secretKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secretKey, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String headerOrEmpty(HttpServletRequest request, String name) {
        String value = request.getHeader(name);
        return value == null ? "" : value;
    }

    /** x-amz-* headers: lower-case names in order, values of one name joined by commas, one "name:value\n" each. */
    private static String amzHeaders(HttpServletRequest request) {
        Map<String, List<String>> amz = new TreeMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-amz-")) {
                amz.computeIfAbsent(lower, k -> new ArrayList<>())
                        .addAll(Collections.list(request.getHeaders(name)).stream().map(String::trim).toList());
            }
        }
        StringBuilder out = new StringBuilder();
        amz.forEach((name, values) -> out.append(name).append(':').append(String.join(",", values)).append('\n'));
        return out.toString();
    }
}
