package org.tweetflow.calls;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.IdentityHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.ResourceAccessException;
import org.tweetflow.calls.CallFailure.Kind;
import org.tweetflow.openhumans.OpenHumansException;
import org.tweetflow.ratelimit.RateBudgetUnavailableException;
import org.tweetflow.tokens.ReconnectNeededException;
import org.tweetflow.tokens.TokenBusyException;
import org.tweetflow.twitter.XApiException;

/**
 * The one place that says what a failed call means, for the calls' redeliveries ({@code provider-calls} in
 * errors.camel.yaml), the archive sync and the collections alike. The same answer means the same whoever asked and
 * whatever endpoint gave it: a 429 or 5xx from a token endpoint is an outage as much as one from the API.
 */
@Component("callFailures")
public class CallFailures {

    private static final String REFRESH = "a token refresh failed";

    /** What {@code failure} (as a route caught it, wrappers and all) means. */
    public CallFailure of(Throwable failure) {
        // a refresh at a token endpoint failed: what it means is told by the cause below, if any (its status, a
        // broken connection), else by the OAuth 2.0 error the endpoint answered
        OAuth2AuthorizationException refresh = null;
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
            Kind kind = kindOf(t);
            if (kind != null) {
                return new CallFailure(kind, refresh == null ? t.getMessage() : REFRESH + " (" + answer(t) + ")", t);
            }
            if (refresh == null && t instanceof OAuth2AuthorizationException token) {
                refresh = token;
            }
        }
        if (refresh != null) {
            return new CallFailure(Kind.REQUEST_REFUSED, REFRESH + " (" + refresh.getError().getErrorCode() + ")",
                    refresh);
        }
        Throwable reason = unwrapped(failure);
        return new CallFailure(Kind.UNEXPECTED,
                reason.getMessage() != null ? reason.getMessage() : reason.getClass().getSimpleName(), reason);
    }

    /** For a route's {@code onWhen}: whether the exchange's failure is of {@code kind}. */
    public Predicate is(Kind kind) {
        return exchange -> of(caught(exchange)).kind() == kind;
    }

    private static Kind kindOf(Throwable t) {
        if (t instanceof XApiException.RateLimited) {
            return Kind.RATE_LIMITED;
        }
        if (t instanceof XApiException.Transient || t instanceof OpenHumansException.Unavailable
                || t instanceof TokenBusyException || t instanceof RateBudgetUnavailableException) {
            return Kind.OUTAGE;
        }
        if (t instanceof ReconnectNeededException) {
            return Kind.TOKEN_REFUSED;
        }
        // a 401 that a renewed token did not mend, or any other 4xx
        if (t instanceof XApiException || t instanceof OpenHumansException) {
            return Kind.REQUEST_REFUSED;
        }
        // before IOException, which it is
        if (t instanceof JsonProcessingException) {
            return Kind.MALFORMED_ANSWER;
        }
        // a connection that broke or never came (a disk's FileSystemException is no provider's outage)
        if (t instanceof IOException && !(t instanceof FileSystemException) || t instanceof ResourceAccessException
                || t instanceof HttpServerErrorException
                || t instanceof HttpClientErrorException.TooManyRequests) {
            return Kind.OUTAGE;
        }
        return t instanceof HttpClientErrorException ? Kind.REQUEST_REFUSED : null;
    }

    /** What a token endpoint answered, without its body (which the log may have, never the member's page). */
    private static String answer(Throwable t) {
        if (t instanceof HttpStatusCodeException status) {
            return "answered " + status.getStatusCode().value();
        }
        if (t instanceof ResourceAccessException && t.getCause() != null) {
            return "no answer: " + t.getCause().getClass().getSimpleName();
        }
        if (t instanceof IOException || t instanceof ResourceAccessException) {
            return "no answer: " + t.getClass().getSimpleName();
        }
        return t.getMessage();
    }

    /** The exception that says what went wrong, under the wrappers Camel's split, enrich and routes add. */
    private static Throwable unwrapped(Throwable caught) {
        Throwable reason = caught;
        while (reason.getCause() != null && reason.getClass().getName().startsWith("org.apache.camel.")) {
            reason = reason.getCause();
        }
        return reason;
    }

    private static Throwable caught(Exchange exchange) {
        return exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }
}
