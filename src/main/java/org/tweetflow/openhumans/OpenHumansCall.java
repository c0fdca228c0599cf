package org.tweetflow.openhumans;

import java.nio.file.Path;

/**
 * One call to Open Humans as the routes carry it: all it takes to send it again after a failure (a redelivery
 * repeats the whole call). The body is a String, a file ({@link Path}, sent as a stream) or null.
 *
 * @param memberId       whose access token the call is sent with; null for presigned storage URLs
 * @param expectedStatus the answer that means success; any other fails the call
 * @param step           what the call is, for messages ("upload/complete")
 */
public record OpenHumansCall(String method, String url, Long memberId, Object body, String contentType,
        int expectedStatus, String step) {

    static OpenHumansCall get(String url, Long memberId, String step) {
        return new OpenHumansCall("GET", url, memberId, null, null, 200, step);
    }

    @Override
    public String toString() {
        return "OpenHumansCall[" + method + " " + step + "]";
    }
}
