package org.tweetflow.collect;

import java.io.IOException;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.http.HttpTarget;

/**
 * The steps of {@code send-media-request} around one photo download: a plain GET of the URL X gave (no token: the
 * photos are public), and the answer's bytes, or why there were none.
 */
@Component("mediaRequests")
public class MediaRequests {

    public void prepare(Exchange exchange) {
        Photo photo = exchange.getProperty(TweetflowExchange.PHOTO, Photo.class);
        Message message = exchange.getMessage();
        HttpTarget.set(message, "GET", photo.url());
        message.setBody(null);
    }

    /**
     * The photo's bytes; an answer that may change (5xx, 429, 408) is an IOException, redelivered and counted against
     * the host, any other (404, 410, 403) a {@link MissingPhotoException}, final.
     */
    public byte[] bytes(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (status >= 500 || status == 429 || status == 408) {
            throw new IOException("the photo's host answered " + status);
        }
        if (status != 200) {
            throw new MissingPhotoException("the photo's host answered " + status);
        }
        return message.getBody(byte[].class);
    }
}
