package org.tweetflow.twitter;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import io.micrometer.core.instrument.Timer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.http.HttpTarget;
import org.tweetflow.ratelimit.Permit;
import org.tweetflow.ratelimit.RateBudget;
import org.tweetflow.ratelimit.RateBudgetUnavailableException;
import org.tweetflow.ratelimit.RateLimitHeaders;
import org.tweetflow.tokens.AccessTokens;
import org.tweetflow.tokens.Provider;
import org.tweetflow.tokens.MemberToken;

/**
 * The steps of {@code send-x-request} around every HTTP call to X: charge the shared budget before it (never call
 * without a permit) and send the caller's current token; after it, correct the budget from the answer's headers and
 * interpret the answer. The route drops the token from the message.
 */
@Component("xCalls")
public class XCalls {

    private static final Logger LOG = LoggerFactory.getLogger(XCalls.class);
    private static final String PERMIT_HELD = "tweetflowPermitHeld";
    private static final String SENDING = "tweetflowXCallSending";

    private final RateBudget budget;
    private final XAnswers answers;
    private final AccessTokens tokens;
    private final XEndpoints endpoints;
    private final XCallMeters meters;

    public XCalls(RateBudget budget, XAnswers answers, AccessTokens tokens, XEndpoints endpoints,
            XCallMeters meters) {
        this.budget = budget;
        this.answers = answers;
        this.tokens = tokens;
        this.endpoints = endpoints;
        this.meters = meters;
    }

    public void prepare(Exchange exchange) {
        XCall call = exchange.getProperty(TweetflowExchange.X_CALL, XCall.class);
        // the token first: a refresh that fails must not have spent a permit (a probe would stay taken for a window)
        String authorization = authorization(exchange, call.caller());
        // A redelivery after a broken connection (no answer at all) reuses the permit its first attempt took.
        if (call.caller().metered() && !call.equals(exchange.getProperty(PERMIT_HELD))) {
            Permit permit = budget.tryAcquire(call.budget());
            if (!permit.granted()) {
                meters.budgetRefused(call, permit);
                throw new XApiException.RateLimited(permit.retryAt(), permit.paused(), permit.held(),
                        call.budget() + ": " + permit.reason()
                                + (permit.held() ? "" : " until " + permit.retryAt()));
            }
            exchange.setProperty(PERMIT_HELD, call);
        }
        Message message = exchange.getMessage();
        HttpTarget.set(message, call.method(), call.url());
        HttpTarget.authorize(message, authorization);
        if (call.form() != null) {
            message.setHeader(Exchange.CONTENT_TYPE, "application/x-www-form-urlencoded");
        }
        message.setBody(call.form());
        exchange.setProperty(SENDING, meters.sending());
    }

    public void interpret(Exchange exchange) {
        XCall call = exchange.getProperty(TweetflowExchange.X_CALL, XCall.class);
        Message message = exchange.getMessage();
        exchange.removeProperty(PERMIT_HELD);
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (!call.caller().metered()) {
            answers.check(status, message::getHeader, message.getBody(String.class));
            return;
        }
        Optional<RateLimitHeaders> limits = RateLimitHeaders.from(message::getHeader);
        correct(call, () -> limits.ifPresentOrElse(headers -> budget.observe(call.budget(), headers),
                () -> budget.unanswered(call.budget())));
        try {
            answers.check(status, message::getHeader, message.getBody(String.class));
        } catch (XApiException.Unauthorized refused) {
            // no member's token to renew (no SENT_TOKEN): the operator's setting is what X refused
            throw call.caller() instanceof XCaller.App ? new XApiException.Unauthorized(XCaller.App.REFUSED) : refused;
        } catch (XApiException.RateLimited limited) {
            meters.rateLimited(call, limited.usageCap());
            if (limited.usageCap()) {
                correct(call, () -> budget.pause(call.budget().endpoint(), limited.retryAt(), limited.getMessage()));
            } else if (limits.isEmpty()) {
                // a 429 without headers: no call of this caller until the assumed reset, however the sync goes on
                correct(call, () -> budget.observe(call.budget(), RateLimitHeaders.spentUntil(limited.retryAt())));
            }
            throw limited;
        }
    }

    /**
     * After every attempt, answered or not: the call is counted by its status ({@code none} when no answer came). An
     * attempt that never left (the budget or the token said no) is not a call.
     */
    public void sent(Exchange exchange) {
        Timer.Sample sending = exchange.getProperty(SENDING, Timer.Sample.class);
        if (sending != null) {
            exchange.removeProperty(SENDING);
            meters.answered(exchange.getProperty(TweetflowExchange.X_CALL, XCall.class), sending,
                    exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class));
        }
    }

    /**
     * Corrects the budget after X answered, or logs that it could not: the permit was taken already, so a skipped
     * correction only leaves the budget lower than X's count (the safe side), whereas failing the exchange would throw
     * away a page X already answered and spend another call on it.
     */
    private static void correct(XCall call, Runnable correction) {
        try {
            correction.run();
        } catch (RateBudgetUnavailableException unavailable) {
            LOG.warn("The budget of {} was not corrected by X's answer: {} ({})", call.budget(),
                    unavailable.getMessage(), unavailable.getCause().getMessage());
        }
    }

    /**
     * A member's current token (remembered for a renewal after 401), the app's bearer token, or the client's own
     * credentials.
     */
    private String authorization(Exchange exchange, XCaller caller) {
        if (caller instanceof XCaller.Member member) {
            String token = tokens.accessToken(member.memberId(), Provider.X);
            exchange.setProperty(TweetflowExchange.SENT_TOKEN, new MemberToken(member.memberId(), Provider.X, token));
            return "Bearer " + token;
        }
        exchange.removeProperty(TweetflowExchange.SENT_TOKEN);
        if (caller instanceof XCaller.App) {
            return "Bearer " + endpoints.bearerToken();
        }
        String client = endpoints.clientId() + ":" + endpoints.clientSecret();
        return "Basic " + Base64.getEncoder().encodeToString(client.getBytes(StandardCharsets.UTF_8));
    }
}
