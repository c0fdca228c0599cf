package org.tweetflow.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import org.tweetflow.tokens.AccessTokens;
import org.tweetflow.tokens.MemberToken;
import org.tweetflow.tokens.Provider;

/** The steps around a call to X, at unit level: what an answer does to the budget and to the exchange. */
class XCallsTest {

    static final XCall TIMELINE = new XCall("GET", "https://api.x.com/2/users/7/tweets", null, "users/tweets",
            new XCaller.Member(7));

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    final List<String> corrections = new ArrayList<>();
    final MeterRegistry registry = new SimpleMeterRegistry();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final XAnswers answers = new XAnswers(new ObjectMapper(), clock);
    final XCalls calls = new XCalls(new UnreachableBudget(corrections), answers, new OneToken(), null,
            new XCallMeters(registry, clock));

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

    @Test
    void eachCallSentIsCountedByEndpointAndTheStatusOfItsAnswer() {
        Exchange call = sent();
        call.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 503);
        calls.sent(call);
        calls.prepare(call);
        call.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        calls.sent(call);

        assertThat(callCount("503")).isEqualTo(1);
        assertThat(callCount("200")).isEqualTo(1);
    }

    /** HttpTarget clears the answer's headers before each attempt, the status among them. */
    @Test
    void aRedeliveryThatGotNoAnswerIsNotCountedWithTheStatusOfTheAttemptBefore() {
        Exchange call = sent();
        call.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 503);
        calls.sent(call);

        calls.prepare(call);
        calls.sent(call);

        assertThat(callCount("503")).isEqualTo(1);
        assertThat(callCount(XCallMeters.NO_ANSWER)).isEqualTo(1);
    }

    @Test
    void aCallThatGotNoAnswerIsCountedAsNone() {
        Exchange timedOut = sent();

        calls.sent(timedOut);
        calls.sent(timedOut);

        assertThat(callCount(XCallMeters.NO_ANSWER)).as("once per attempt").isEqualTo(1);
    }

    @Test
    void aCallTheBudgetHeldBackIsAWaitUntilItsRetryTimeAndNotACall() {
        Instant retryAt = NOW.plus(Duration.ofMinutes(7));
        XCalls refused = new XCalls(new RefusingBudget(Permit.notBefore(retryAt, "spent")), answers, new OneToken(),
                null, new XCallMeters(registry, clock));
        Exchange exchange = exchange();

        assertThatThrownBy(() -> refused.prepare(exchange)).isInstanceOf(XApiException.RateLimited.class);
        refused.sent(exchange);

        Timer waits = registry.get("tweetflow.budget.waits").tag("endpoint", "users/tweets").tag("cause", "window")
                .timer();
        assertThat(waits.count()).isEqualTo(1);
        assertThat(waits.totalTime(TimeUnit.SECONDS)).isEqualTo(7 * 60);
        assertThat(registry.find("tweetflow.x.calls").timers()).isEmpty();
    }

    @Test
    void aPausedEndpointsWaitIsCountedAsPaused() {
        XCalls refused = new XCalls(new RefusingBudget(Permit.paused(NOW.plusSeconds(3600), "usage cap")), answers,
                new OneToken(), null, new XCallMeters(registry, clock));

        assertThatThrownBy(() -> refused.prepare(exchange())).isInstanceOf(XApiException.RateLimited.class);

        assertThat(registry.get("tweetflow.budget.waits").tag("cause", "paused").timer().count()).isEqualTo(1);
    }

    @Test
    void theOperatorsHoldIsCountedAsHeldWithoutAWait() {
        XCalls refused = new XCalls(new RefusingBudget(new Permit(false, NOW, "paused by ops", false, true)),
                answers, new OneToken(), null, new XCallMeters(registry, clock));

        assertThatThrownBy(() -> refused.prepare(exchange())).isInstanceOf(XApiException.RateLimited.class);

        Timer held = registry.get("tweetflow.budget.waits").tag("cause", "held").timer();
        assertThat(held.count()).isEqualTo(1);
        assertThat(held.totalTime(TimeUnit.SECONDS)).isZero();
    }

    @Test
    void rateLimitAnswersAreCountedByTheirLimit() {
        Exchange window = answer(429, false);
        // X's sign of the monthly cap: a 429 with calls still remaining in the window
        Exchange cap = answer(429, true);

        assertThatThrownBy(() -> calls.interpret(window)).isInstanceOf(XApiException.RateLimited.class);
        assertThatThrownBy(() -> calls.interpret(cap)).isInstanceOf(XApiException.RateLimited.class);

        assertThat(registry.get("tweetflow.x.rate.limited").tag("limit", "window").counter().count()).isEqualTo(1);
        assertThat(registry.get("tweetflow.x.rate.limited").tag("limit", "usage_cap").counter().count())
                .isEqualTo(1);
    }

    private long callCount(String status) {
        return Optional.ofNullable(registry.find("tweetflow.x.calls").tag("endpoint", "users/tweets")
                .tag("status", status).timer()).map(Timer::count).orElse(0L);
    }

    /** A call prepared, as if sent: its answer (a status, or none) comes next. */
    private Exchange sent() {
        Exchange exchange = exchange();
        calls.prepare(exchange);
        return exchange;
    }

    private static Exchange exchange() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(TweetflowExchange.X_CALL, TIMELINE);
        return exchange;
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

    /** The member's token, always the same. */
    private static final class OneToken implements AccessTokens {

        @Override
        public String accessToken(long memberId, Provider provider) {
            return "token-of-" + memberId;
        }

        @Override
        public String renewedAccessToken(long memberId, Provider provider, String rejected) {
            return accessToken(memberId, provider);
        }

        @Override
        public Optional<MemberToken> tokenToRevoke(long memberId, Provider provider) {
            return Optional.empty();
        }

        @Override
        public void forget(long memberId, Provider provider) {
        }
    }

    /** A budget that says no. */
    private record RefusingBudget(Permit refusal) implements RateBudget {

        @Override
        public Permit tryAcquire(BudgetKey key) {
            return refusal;
        }

        @Override
        public void observe(BudgetKey key, RateLimitHeaders headers) {
        }

        @Override
        public void unanswered(BudgetKey key) {
        }

        @Override
        public void pause(String endpoint, Instant until, String reason) {
        }

        @Override
        public void resumeAll() {
        }

        @Override
        public Optional<String> allPaused() {
            return Optional.empty();
        }

        @Override
        public boolean reconciledFetching() {
            return true;
        }
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
        public void resumeAll() {
            throw new UnsupportedOperationException("not an operator's test");
        }

        @Override
        public Optional<String> allPaused() {
            return Optional.empty();
        }

        @Override
        public boolean reconciledFetching() {
            return true;
        }
    }
}
