package org.tweetflow.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.ratelimit.BudgetKey;
import org.tweetflow.ratelimit.Permit;
import org.tweetflow.ratelimit.RateBudget;
import org.tweetflow.ratelimit.RateBudgetUnavailableException;
import org.tweetflow.ratelimit.RateLimitHeaders;

/** The steps around a call to X, at unit level: what an answer does to the budget and to the exchange. */
class XCallsTest {

    static final XCall TIMELINE = new XCall("GET", "https://api.x.com/2/users/7/tweets", null, "users/tweets",
            new XCaller.Member(7));

    final List<String> corrections = new ArrayList<>();
    final XCalls calls = new XCalls(new UnreachableBudget(corrections),
            new XAnswers(new ObjectMapper(), Clock.systemUTC()), null, null);

    @Test
    void anAnswerIsKeptWhenTheBudgetCannotBeCorrectedByIt() {
        Exchange answered = answer(200, true);

        calls.interpret(answered);

        assertThat(corrections).as("the correction was tried").containsExactly("observe users/tweets@member:7");
        assertThat(answered.getMessage().getBody(String.class)).isEqualTo("{\"data\":[]}");
    }

    @Test
    void anAnswerWithoutHeadersIsKeptWhenTheProbeCannotBeGivenBack() {
        calls.interpret(answer(200, false));

        assertThat(corrections).containsExactly("unanswered users/tweets@member:7");
    }

    private static Exchange answer(int status, boolean withHeaders) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(TweetflowExchange.X_CALL, TIMELINE);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        if (withHeaders) {
            exchange.getMessage().setHeader("x-rate-limit-limit", "900");
            exchange.getMessage().setHeader("x-rate-limit-remaining", "899");
            exchange.getMessage().setHeader("x-rate-limit-reset",
                    Long.toString(Instant.now().plusSeconds(900).getEpochSecond()));
        }
        exchange.getMessage().setBody("{\"data\":[]}");
        return exchange;
    }

    /** A budget whose store stopped answering after the permit was taken. */
    private record UnreachableBudget(List<String> corrections) implements RateBudget {

        @Override
        public Permit tryAcquire(BudgetKey key) {
            return Permit.allow();
        }

        @Override
        public void observe(BudgetKey key, RateLimitHeaders headers) {
            corrections.add("observe " + key);
            throw new RateBudgetUnavailableException(new QueryTimeoutException("Redis command timed out"));
        }

        @Override
        public void unanswered(BudgetKey key) {
            corrections.add("unanswered " + key);
            throw new RateBudgetUnavailableException(new QueryTimeoutException("Redis command timed out"));
        }

        @Override
        public void pause(String endpoint, Instant until, String reason) {
            throw new RateBudgetUnavailableException(new QueryTimeoutException("Redis command timed out"));
        }

        @Override
        public void pauseAll(String reason) {
            throw new UnsupportedOperationException("not an operator's test");
        }

        @Override
        public void resumeAll() {
            throw new UnsupportedOperationException("not an operator's test");
        }

        @Override
        public Optional<String> allPaused() {
            return Optional.empty();
        }
    }
}
