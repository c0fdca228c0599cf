package org.tweetflow.sandbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;
import org.tweetflow.TweetflowTest;

/**
 * The whole service with its sandbox, one application context shared by every rule test of the sandbox (and by
 * OpenHumansSimulatorTest): the rule tests each use their own tokens, so they never share a rate-limit window.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@TweetflowTest
@TestPropertySource(properties = "tweetflow.simulation.openhumans.storage-dir=${java.io.tmpdir}/tweetflow-oh-sim-test")
public @interface SandboxTest {
}
