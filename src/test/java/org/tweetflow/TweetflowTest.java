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
 * The whole service on a port the system picks as the server binds it (known before the beans that name it, see
 * {@link BoundPort}; {@code @LocalServerPort} reads it), its own in-memory database, and the sandbox with its fault
 * injection (test code only). Its files go to a directory of its own, deleted when it closes ({@link ContextTempDir}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@CamelSpringBootTest
@SpringBootTest(classes = TweetflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = ContextTempDir.class)
@ActiveProfiles("test")
@Import({BoundPort.class, SandboxFaultInjection.class})
public @interface TweetflowTest {
}
