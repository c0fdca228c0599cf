package org.tweetflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tweetflow.TweetflowTest;

@TweetflowTest
class RouteTimersTest {

    @Autowired
    CamelContext camel;

    @Autowired
    TweetflowProperties settings;

    @Test
    void everyTimerOfTheRoutesPollsAtTheDurationItsSettingSays() {
        assertThat(delay("claim-queued-syncs")).isEqualTo(settings.archive().pollInterval());
        assertThat(delay("retry-archive-deletions")).isEqualTo(settings.archive().pollInterval());
        assertThat(delay("renew-sync-leases")).isEqualTo(settings.archive().leaseRenewal());
        assertThat(delay("claim-queued-collections")).isEqualTo(settings.collect().pollInterval());
        assertThat(delay("repeat-collections")).isEqualTo(settings.collect().repeatCheck());
        assertThat(delay("renew-collection-leases")).isEqualTo(settings.collect().leaseRenewal());
    }

    private Duration delay(String routeId) {
        ScheduledPollEndpoint timer = (ScheduledPollEndpoint) camel.getRoute(routeId).getEndpoint();
        return Duration.of(timer.getDelay(), timer.getTimeUnit().toChronoUnit());
    }
}
