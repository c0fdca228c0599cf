package org.tweetflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * JUnit's {@code @TempDir} for an application context: a fresh directory of its own for the files the service and
 * the sandbox write (collections, imports, the simulated Open Humans' storage), deleted when the context closes. A class's
 * {@code @TempDir} would not do: Spring keeps the context for the next class that shares it.
 */
public class ContextTempDir implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Path dir;
        try {
            dir = Files.createTempDirectory("tweetflow-test-");
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary directory for the test context", e);
        }
        // last: a test that names a directory of its own keeps it
        context.getEnvironment().getPropertySources().addLast(new MapPropertySource("contextTempDir", Map.of(
                "tweetflow.collect.data-dir", dir.resolve("collections").toString(),
                "tweetflow.imports.dir", dir.resolve("imports").toString(),
                "tweetflow.simulation.openhumans.storage-dir", dir.resolve("sandbox-openhumans").toString())));
        context.addApplicationListener((ApplicationListener<ContextClosedEvent>) closed -> delete(dir));
    }

    private static void delete(Path dir) {
        try {
            FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the test context's directory " + dir, e);
        }
    }
}
