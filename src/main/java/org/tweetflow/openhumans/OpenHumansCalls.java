package org.tweetflow.openhumans;

import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.FileEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.http.HttpTarget;
import org.tweetflow.tokens.AccessTokens;
import org.tweetflow.tokens.Provider;
import org.tweetflow.tokens.MemberToken;

/**
 * The steps of the {@code call-openhumans} route around every HTTP call to Open Humans: build the request from the
 * {@link OpenHumansCall} with the member's current token (again on each redelivery), and check the answer's status.
 * The route drops the token.
 */
@Component("openHumansCalls")
public class OpenHumansCalls {

    private static final Logger LOG = LoggerFactory.getLogger(OpenHumansCalls.class);
    private static final int LOGGED_BODY = 2000;

    private final AccessTokens tokens;

    public OpenHumansCalls(AccessTokens tokens) {
        this.tokens = tokens;
    }

    public void prepare(Exchange exchange) {
        OpenHumansCall call = exchange.getProperty(TweetflowExchange.OPEN_HUMANS_CALL, OpenHumansCall.class);
        Message message = exchange.getMessage();
        HttpTarget.set(message, call.method(), call.url());
        if (call.memberId() != null) {
            String token = tokens.accessToken(call.memberId(), Provider.OPEN_HUMANS);
            exchange.setProperty(TweetflowExchange.SENT_TOKEN,
                    new MemberToken(call.memberId(), Provider.OPEN_HUMANS, token));
            HttpTarget.authorize(message, "Bearer " + token);
        } else {
            exchange.removeProperty(TweetflowExchange.SENT_TOKEN);
        }
        if (call.contentType() != null) {
            message.setHeader(Exchange.CONTENT_TYPE, call.contentType());
        }
        message.setBody(call.body() instanceof Path file ? fileEntity(file) : call.body());
    }

    /**
     * A file goes out as a stream of known length (S3 refuses a chunked PUT) and without a Content-Type: the
     * presigned URL was signed without one, and S3 checks it.
     */
    private static FileEntity fileEntity(Path file) {
        return new FileEntity(file.toFile(), (ContentType) null);
    }

    public void check(Exchange exchange) {
        OpenHumansCall call = exchange.getProperty(TweetflowExchange.OPEN_HUMANS_CALL, OpenHumansCall.class);
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (status != call.expectedStatus()) {
            // the answer's body stays in the log: members see what failed, not the provider's (or S3's) details
            LOG.warn("Open Humans answered {} to {}: {}", status, call.step(), abbreviate(message.getBody(String.class)));
            throw OpenHumansException.of(status, "Open Humans answered " + status + " to " + call.step());
        }
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= LOGGED_BODY ? body : body.substring(0, LOGGED_BODY) + "...";
    }
}
