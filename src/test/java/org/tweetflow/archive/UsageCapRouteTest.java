package org.tweetflow.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.TweetflowTest;
import org.tweetflow.sandbox.x.XSimulator;
import org.tweetflow.twitter.XApiException;

/** The monthly usage cap pauses a kind of call for everyone; its own context, since the pause outlives the test. */
@TweetflowTest
@DirtiesContext
class UsageCapRouteTest {

    @Autowired
    ProducerTemplate camel;

    @Autowired
    XSimulator x;

    @Test
    void usageCapPausesTimelineCallsOfEveryMember() {
        x.setUsageCapped(true);
        Exchange capped = fetch("member-capped");
        x.setUsageCapped(false);
        x.resetCounts();

        Exchange other = fetch("member-other");

        assertThat(capped.getException()).isInstanceOfSatisfying(XApiException.RateLimited.class,
                e -> assertThat(e.usageCap()).isTrue());
        assertThat(other.getException()).isInstanceOfSatisfying(XApiException.RateLimited.class,
                e -> assertThat(e.getMessage()).contains("usage cap"));
        assertThat(x.callCount("users/tweets")).as("no call while the cap holds").isZero();
    }

    private Exchange fetch(String credential) {
        IsoWeek last = IsoWeek.of(Instant.now().minus(Duration.ofDays(7)));
        String token = x.issueToken(XSimulator.SAM);
        return camel.send("direct:fetch-week-range", exchange -> {
            exchange.getMessage().setBody(WeekRange.of(last, last));
            exchange.setProperty(TweetflowExchange.X_USER_ID, XSimulator.SAM);
            exchange.setProperty(TweetflowExchange.CREDENTIAL, credential);
            exchange.setProperty(TweetflowExchange.ACCESS_TOKEN, token);
        });
    }
}
