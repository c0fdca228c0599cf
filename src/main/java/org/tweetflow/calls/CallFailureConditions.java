package org.tweetflow.calls;

import org.apache.camel.Predicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tweetflow.calls.CallFailure.Kind;

/**
 * What the routes' {@code onWhen} clauses ask of {@link CallFailures}, by name ({@code onWhen: {ref: providerOutage}}):
 * the ref language hands a predicate the exchange itself, where a bean method would get a copy without its exception.
 */
@Configuration(proxyBeanMethods = false)
class CallFailureConditions {

    /** The provider is unavailable for now (5xx, 429 or no answer), at its API or its token endpoint. */
    @Bean
    Predicate providerOutage(CallFailures calls) {
        return calls.is(Kind.OUTAGE);
    }

    /** X's rate limit or monthly cap, which names when it resets. */
    @Bean
    Predicate xRateLimited(CallFailures calls) {
        return calls.is(Kind.RATE_LIMITED);
    }
}
