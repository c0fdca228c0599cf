package org.tweetflow.http;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Points the next camel-http step at a URL. Every call to X and Open Humans goes through camel-http endpoints
 * whose own URI is only a name; the real target travels in these headers, query kept as given (presigned URLs
 * must not be re-encoded).
 */
public final class HttpTarget {

    private HttpTarget() {
    }

    public static void set(Message message, String method, String url) {
        String[] urlAndQuery = url.split("\\?", 2);
        message.setHeader(Exchange.HTTP_METHOD, method);
        message.setHeader(Exchange.HTTP_URI, urlAndQuery[0]);
        message.setHeader(Exchange.HTTP_QUERY, urlAndQuery.length > 1 ? urlAndQuery[1] : null);
    }
}
