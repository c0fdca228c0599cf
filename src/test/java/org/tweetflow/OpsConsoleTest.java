package org.tweetflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * The service as an operator watches it: Camel's MBeans registered (Hawtio and Jolokia show them) and the workers
 * taking queued syncs, which X's sandbox never holds back. Camel's test support turns JMX off unless the class
 * itself carries {@code @DisableJmx(false)}, which every class with this annotation does too; the properties (JMX on
 * is the default anyway) give these classes a context of their own, so none reuses one made without JMX.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@TweetflowTest
@TestPropertySource(properties = {"camel.main.jmx-enabled=true", "tweetflow.archive.claim-queued=true",
        "tweetflow.archive.poll-interval=PT0.5S", "tweetflow.simulation.timeline-limit=100000"})
public @interface OpsConsoleTest {
}
