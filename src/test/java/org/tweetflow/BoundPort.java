package org.tweetflow;

import java.util.HashMap;
import java.util.Map;

import org.apache.catalina.Lifecycle;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The test server listens on a port the system picks when Tomcat binds it (port 0: nothing to race for), and that
 * port is known before the beans that name it are made: the public URL, the sandbox's URLs the service calls, the
 * OAuth redirect URIs. Spring Boot binds when the server starts, after every bean exists; Tomcat's own default
 * ({@code bindOnInit}), kept here, binds while the server is created, before them. The port is published as
 * {@code server.port} (the test configuration's public URL names it) and {@code local.server.port}, where Spring
 * Boot puts it later too ({@code @LocalServerPort}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class BoundPort {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> bindOnInit(ConfigurableEnvironment environment) {
        return factory -> factory.addConnectorCustomizers(connector -> {
            connector.setProperty("bindOnInit", "true");
            connector.addLifecycleListener(event -> {
                if (Lifecycle.AFTER_INIT_EVENT.equals(event.getType())) {
                    publish(environment, connector.getLocalPort());
                }
            });
        });
    }

    /**
     * Ahead of every other source (the test's {@code server.port=0} too), under the name of the one Spring Boot's
     * ServerPortInfoApplicationContextInitializer fills after the start: it adds the same port there.
     */
    private static void publish(ConfigurableEnvironment environment, int port) {
        Map<String, Object> ports = new HashMap<>();
        ports.put("server.port", port);
        ports.put("local.server.port", port);
        environment.getPropertySources().addFirst(new MapPropertySource("server.ports", ports));
    }
}
