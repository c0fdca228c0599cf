package org.tweetflow.sandbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/** Registers the annotated configuration or bean only while the sandbox is on (see {@link SandboxCondition}). */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Conditional(SandboxCondition.class)
public @interface ConditionalOnSandbox {
}
