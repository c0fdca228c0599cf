package org.tweetflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Picks the test server's port before the context starts, so that {@code tweetflow.public-url} (and with it the
 * endpoints the service calls: the in-process sandbox) names the port the server will really listen on.
 */
public class FreePortInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        try (ServerSocket socket = new ServerSocket(0)) {
            context.getEnvironment().getPropertySources().addFirst(
                    new MapPropertySource("freePort", Map.of("server.port", socket.getLocalPort())));
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the test server", e);
        }
    }
}
