package org.tweetflow.collect;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.config.TweetflowProperties;

/**
 * A circuit breaker per photo host (resilience4j), around each photo request of {@code send-media-request}: once
 * most of a host's last fetches failed for want of an answer (no connection, a timeout, a 5xx), its other photos are
 * not asked for until {@code tweetflow.media.host-pause} has passed, and fail at once with
 * {@link io.github.resilience4j.circuitbreaker.CallNotPermittedException}. A photo's own answer (404, 410) says
 * nothing against its host. Shared by all collections: what one learnt of a host spares the next.
 */
@Component("mediaHosts")
public class MediaHosts {

    private static final Logger LOG = LoggerFactory.getLogger(MediaHosts.class);

    private final CircuitBreakerRegistry breakers;

    public MediaHosts(TweetflowProperties properties) {
        TweetflowProperties.Media media = properties.media();
        breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(2 * media.hostFailures())
                .minimumNumberOfCalls(media.hostFailures())
                .failureRateThreshold(50)
                .waitDurationInOpenState(media.hostPause())
                .permittedNumberOfCallsInHalfOpenState(1)
                // the failures of the host; MissingPhotoException (a 4xx) is the photo's
                .recordExceptions(IOException.class)
                .build());
        breakers.getEventPublisher().onEntryAdded(added -> added.getAddedEntry().getEventPublisher()
                .onStateTransition(event -> LOG.warn("Photos from {}: {} ({} % of its last fetches failed)",
                        event.getCircuitBreakerName(), event.getStateTransition(),
                        added.getAddedEntry().getMetrics().getFailureRate())));
    }

    /** Before a photo's request: its host's breaker lets it through, or says it is open. */
    public void permit(@ExchangeProperty(TweetflowExchange.PHOTO) Photo photo) {
        breaker(photo).acquirePermission();
    }

    /** The photo came: one more answer from its host. */
    public void answered(@ExchangeProperty(TweetflowExchange.PHOTO) Photo photo) {
        // the breaker judges failures only (no slow-call threshold): a timeout comes as an exception
        breaker(photo).onSuccess(0, TimeUnit.NANOSECONDS);
    }

    /** The photo did not come: counted against its host if the host is to blame, then passed on to be judged. */
    public void failed(@ExchangeProperty(TweetflowExchange.PHOTO) Photo photo,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception why) throws Exception {
        breaker(photo).onError(0, TimeUnit.NANOSECONDS, why);
        throw why;
    }

    private CircuitBreaker breaker(Photo photo) {
        return breakers.circuitBreaker(host(photo));
    }

    /** The host part of the photo's address ("" when it has none: those share one breaker). */
    static String host(Photo photo) {
        try {
            String host = URI.create(photo.url()).getHost();
            return host == null ? "" : host;
        } catch (IllegalArgumentException notAnAddress) {
            return "";
        }
    }
}
