package org.tweetflow.openhumans;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.tweetflow.http.HttpTarget;

/** The one place that checks Open Humans answers: the token is dropped, an unexpected status fails the step. */
final class OpenHumansAnswers {

    private OpenHumansAnswers() {
    }

    static void expect(Message message, int expected, String step) {
        HttpTarget.forgetToken(message);
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (status != expected) {
            throw new OpenHumansException(status,
                    "Open Humans answered " + status + " to " + step + ": " + message.getBody(String.class));
        }
    }
}
