package org.tweetflow.http;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Points the next camel-http step at a URL. Every call to X and Open Humans goes through camel-http endpoints
 * whose own URI is only a name; the real target travels in these headers, query kept as given (presigned URLs
 * must not be re-encoded).
 *
 * <p>Every request starts from a clean slate: camel-http sends the message's headers along, and the previous
 * answer's headers ({@code x-rate-limit-*}, {@code set-cookie}, {@code location} ...) must never go out again,
 * least of all to a presigned URL whose signature covers what is sent.
 */
public final class HttpTarget {

    private static final String AUTHORIZATION = "Authorization";

    private HttpTarget() {
    }

    public static void set(Message message, String method, String url) {
        // the redelivery counter lives in headers; everything else goes, Camel's own (CamelHttpPath ...) included
        message.removeHeaders("*", "CamelRedeliver*");
        String[] urlAndQuery = url.split("\\?", 2);
        message.setHeader(Exchange.HTTP_METHOD, method);
        message.setHeader(Exchange.HTTP_URI, urlAndQuery[0]);
        message.setHeader(Exchange.HTTP_QUERY, urlAndQuery.length > 1 ? urlAndQuery[1] : null);
    }

    /** The request's Authorization header ("Bearer ...", "Basic ..."). */
    public static void authorize(Message message, String authorization) {
        message.setHeader(AUTHORIZATION, authorization);
    }

    /** Drops the token once the answer is in, so no later step can send or log it. */
    public static void forgetToken(Message message) {
        message.removeHeader(AUTHORIZATION);
    }
}
