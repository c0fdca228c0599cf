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
 * OpenHumansSimulatorTest: the rule tests each use their own tokens, so they never share a rate-limit window. The
 * tests get their clients of the sandbox injected: {@link SandboxHttp}, {@link XApi} and {@link OpenHumansApi}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@TweetflowTest
@TestPropertySource(properties = "tweetflow.simulation.openhumans.storage-dir=${java.io.tmpdir}/tweetflow-oh-sim-test")
@Import({SandboxHttp.class, XApi.class, OpenHumansApi.class})
public @interface SandboxTest {
}
