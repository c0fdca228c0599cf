package org.tweetflow.sandbox.x;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the simulated X API limits and slows its answers.
 *
 * @param window        length of one fixed rate-limit window (per endpoint and user, like X's)
 * @param timelineLimit calls per window and user for {@code users/:id/tweets}
 * @param searchLimit   calls per window and user for {@code tweets/search/recent}
 * @param meLimit       calls per window and user for {@code users/me}
 * @param appSearchLimit   calls per window of the app's bearer token for {@code tweets/search/recent} (X: 450 per
 *                         app against 300 per user; here 1.5 times the user's, as there)
 * @param appTimelineLimit calls per window of the app's bearer token for {@code users/:id/tweets} (X: 10,000 per app
 *                         against 900 per user)
 * @param latency       sleep before each API answer
 */
@ConfigurationProperties("tweetflow.simulation")
public record SimulationProperties(
        @DefaultValue("PT1M") Duration window,
        @DefaultValue("15") int timelineLimit,
        @DefaultValue("30") int searchLimit,
        @DefaultValue("75") int meLimit,
        @DefaultValue("45") int appSearchLimit,
        @DefaultValue("150") int appTimelineLimit,
        @DefaultValue("PT0S") Duration latency) {
}
