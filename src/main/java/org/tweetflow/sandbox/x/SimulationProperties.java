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
 * @param latency       sleep before each API answer
 */
@ConfigurationProperties("tweetflow.simulation")
public record SimulationProperties(
        @DefaultValue("PT1M") Duration window,
        @DefaultValue("15") int timelineLimit,
        @DefaultValue("30") int searchLimit,
        @DefaultValue("75") int meLimit,
        @DefaultValue("PT0S") Duration latency) {
}
