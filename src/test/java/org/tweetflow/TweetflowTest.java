package org.tweetflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.tweetflow.sandbox.SandboxFaultInjection;

/**
 * The whole service on a free port (known before start, see FreePortInitializer), its own in-memory database, and the
 * sandbox with its fault injection (test code only).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@CamelSpringBootTest
@SpringBootTest(classes = TweetflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = FreePortInitializer.class)
@ActiveProfiles("test")
@Import(SandboxFaultInjection.class)
public @interface TweetflowTest {
}
