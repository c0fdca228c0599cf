package org.tweetflow.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonParseException;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.tweetflow.calls.CallFailure.Kind;
import org.tweetflow.openhumans.OpenHumansException;
import org.tweetflow.ratelimit.RateBudgetUnavailableException;
import org.tweetflow.tokens.Provider;
import org.tweetflow.tokens.ReconnectNeededException;
import org.tweetflow.twitter.XApiException;

/** What a failed call means, as both jobs and the calls' redeliveries read it: the same answer, the same meaning. */
class CallFailuresTest {

    final CallFailures calls = new CallFailures();

    @Test
    void aTokenEndpointThatIsRateLimitedUnavailableOrUnreachableIsAnOutageLikeTheApiItself() {
        assertThat(calls.of(refresh(HttpClientErrorException.create(HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests",
                HttpHeaders.EMPTY, "{\"title\":\"Too Many Requests\"}".getBytes(), StandardCharsets.UTF_8))))
                .satisfies(failure -> {
                    assertThat(failure.kind()).isEqualTo(Kind.OUTAGE);
                    assertThat(failure.reason()).isEqualTo("a token refresh failed (answered 429)");
                });
        assertThat(calls.of(refresh(HttpServerErrorException.create(HttpStatus.SERVICE_UNAVAILABLE, "Unavailable",
                HttpHeaders.EMPTY, new byte[0], StandardCharsets.UTF_8))).kind()).isEqualTo(Kind.OUTAGE);
        assertThat(calls.of(refresh(new ResourceAccessException("I/O error", new ConnectException("refused")))))
                .satisfies(failure -> {
                    assertThat(failure.kind()).isEqualTo(Kind.OUTAGE);
                    assertThat(failure.reason()).isEqualTo("a token refresh failed (no answer: ConnectException)");
                });
        assertThat(calls.of(new XApiException.Transient("X answered 503")).kind()).isEqualTo(Kind.OUTAGE);
        assertThat(calls.of(new OpenHumansException.Unavailable(429, "Open Humans answered 429")).kind())
                .isEqualTo(Kind.OUTAGE);
        assertThat(calls.of(new HttpTimeoutException("request timed out")).kind()).isEqualTo(Kind.OUTAGE);
    }

    @Test
    void aRateBudgetThatDoesNotAnswerIsAnOutageRetriedLikeTheProvidersOwn() {
        CallFailure failure = calls.of(new CamelExecutionException("wrapped", null,
                new RateBudgetUnavailableException(new RedisConnectionFailureException("Redis command timed out"))));

        assertThat(failure.kind()).isEqualTo(Kind.OUTAGE);
        assertThat(failure.reason()).startsWith("rate budget unavailable");
    }

    @Test
    void xsRateLimitIsItsOwnKindSinceItNamesTheReset() {
        assertThat(calls.of(new CamelExecutionException("wrapped", null,
                new XApiException.RateLimited(Instant.EPOCH, false, "X rate limit reached"))).kind())
                .isEqualTo(Kind.RATE_LIMITED);
    }

    @Test
    void aRefusalKeepsTheProvidersWordsAndARefusedRefreshTokenAsksForAReconnect() {
        CallFailure refused = calls.of(new CamelExecutionException("wrapped", null,
                new XApiException.Rejected("X answered 400: Reference to invalid operator 'climate'")));
        assertThat(refused.kind()).isEqualTo(Kind.REQUEST_REFUSED);
        assertThat(refused.reason()).isEqualTo("X answered 400: Reference to invalid operator 'climate'");
        assertThat(refused.expected()).isTrue();
        assertThat(calls.of(new OpenHumansException(400, "Open Humans answered 400")).kind())
                .isEqualTo(Kind.REQUEST_REFUSED);
        assertThat(calls.of(new ReconnectNeededException(Provider.X, "X refused the refresh token",
                refresh(null))).kind()).isEqualTo(Kind.TOKEN_REFUSED);
        assertThat(calls.of(refresh(null))).satisfies(failure -> {
            assertThat(failure.kind()).isEqualTo(Kind.REQUEST_REFUSED);
            assertThat(failure.reason()).isEqualTo("a token refresh failed (invalid_token_response)");
        });
    }

    @Test
    void anUnreadableAnswerIsMalformedNotAnOutage() {
        assertThat(calls.of(new JsonParseException(null, "Unexpected end-of-input")).kind())
                .isEqualTo(Kind.MALFORMED_ANSWER);
    }

    @Test
    void whatNoProviderAnsweredIsUnexpectedAndKeepsItsCauseForTheStackTrace() {
        IllegalStateException defect = new IllegalStateException("the data dir must be shared");
        CallFailure failure = calls.of(new CamelExecutionException("wrapped", null, defect));
        assertThat(failure.kind()).isEqualTo(Kind.UNEXPECTED);
        assertThat(failure.expected()).isFalse();
        assertThat(failure.cause()).isSameAs(defect);
        assertThat(failure.reason()).isEqualTo("the data dir must be shared");
        assertThat(calls.of(new AccessDeniedException("/data/tweets.jsonl")).kind()).as("a disk is no provider")
                .isEqualTo(Kind.UNEXPECTED);
    }

    /** What Spring Security throws when a refresh at a token endpoint failed with {@code cause}. */
    private static ClientAuthorizationException refresh(Throwable cause) {
        OAuth2Error error = new OAuth2Error("invalid_token_response", "An error occurred while attempting to "
                + "retrieve the OAuth 2.0 Access Token Response", null);
        return new ClientAuthorizationException(error, "twitter",
                cause == null ? new OAuth2AuthorizationException(error) : new OAuth2AuthorizationException(error, cause));
    }
}
