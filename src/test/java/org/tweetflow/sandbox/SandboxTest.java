package org.tweetflow.sandbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.tweetflow.TweetflowTest;
import org.tweetflow.sandbox.openhumans.OpenHumansApi;
import org.tweetflow.sandbox.x.XApi;

/**
 * The whole service with its sandbox, one application context shared by every rule test of the sandbox and by
 * OpenHumansSimulatorTest. X's windows are per user, as the real ones, and the rule tests share the demo users, so
 * this context's limits are too high to be met; XRateLimitRulesTest tests the limits in a context of its own. The
 * tests get their clients of the sandbox injected: {@link SandboxHttp}, {@link XApi} and {@link OpenHumansApi}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@TweetflowTest
@TestPropertySource(properties = {"tweetflow.simulation.timeline-limit=100000", "tweetflow.simulation.search-limit=100000",
        "tweetflow.simulation.me-limit=100000", "tweetflow.simulation.app-search-limit=100000",
        "tweetflow.simulation.app-timeline-limit=100000"})
@Import({SandboxHttp.class, XApi.class, OpenHumansApi.class})
public @interface SandboxTest {
}
