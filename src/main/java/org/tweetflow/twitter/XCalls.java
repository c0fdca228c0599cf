package org.tweetflow.twitter;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.http.HttpTarget;
import org.tweetflow.ratelimit.Permit;
import org.tweetflow.ratelimit.RateBudget;
import org.tweetflow.ratelimit.RateLimitHeaders;

/**
 * The steps around every HTTP call to X: charge the shared budget before it (never call without a permit), and
 * after it correct the budget from the answer's headers and interpret the answer. The route drops the token.
 */
@Component("xCalls")
public class XCalls {

    private static final String PERMIT_HELD = "tweetflowPermitHeld";

    private final RateBudget budget;
    private final XAnswers answers;

    public XCalls(RateBudget budget, XAnswers answers) {
        this.budget = budget;
        this.answers = answers;
    }

    public void prepare(Exchange exchange) {
        XCall call = exchange.getProperty(TweetflowExchange.X_CALL, XCall.class);
        // A redelivery after a broken connection (no answer at all) reuses the permit its first attempt took.
        if (!call.equals(exchange.getProperty(PERMIT_HELD))) {
            Permit permit = budget.tryAcquire(call.budget());
            if (!permit.granted()) {
                throw new XApiException.RateLimited(permit.retryAt(), permit.paused(),
                        call.budget() + ": " + permit.reason() + " until " + permit.retryAt());
            }
            exchange.setProperty(PERMIT_HELD, call);
        }
        Message message = exchange.getMessage();
        message.setBody(null);
        HttpTarget.set(message, "GET", call.url(), call.accessToken());
    }

    public void interpret(Exchange exchange) {
        XCall call = exchange.getProperty(TweetflowExchange.X_CALL, XCall.class);
        Message message = exchange.getMessage();
        exchange.removeProperty(PERMIT_HELD);
        RateLimitHeaders.from(message::getHeader).ifPresentOrElse(headers -> budget.observe(call.budget(), headers),
                () -> budget.unanswered(call.budget()));
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        try {
            answers.check(status, message::getHeader, message.getBody(String.class));
        } catch (XApiException.RateLimited limited) {
            if (limited.usageCap()) {
                budget.pause(call.budget().endpoint(), limited.retryAt(), limited.getMessage());
            }
            throw limited;
        }
    }
}
