package org.tweetflow.sandbox;

import java.util.Map;
import java.util.stream.Stream;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertyResolver;

/**
 * While the sandbox is on ({@code tweetflow.sandbox=true}), gives the service the sandbox's clients and URLs, and
 * the ops account a known password, as ordinary settings of the lowest precedence (whatever is configured explicitly still wins). Client ids configured
 * next to the sandbox win here too, and so meet {@link RealClientsRefusal}.
 */
public class SandboxSettings implements EnvironmentPostProcessor, Ordered {

    private static final String SOURCE = "sandbox";

    /** After application.yaml and the profiles are read: the rule must see the service's own settings. */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (SandboxCondition.isOn(environment)) {
            environment.getPropertySources().addLast(new Settings(environment));
        }
    }

    /**
     * The URLs are read from {@code tweetflow.public-url} each time they are asked for, not copied now: a test picks
     * its server's port after this runs. (The environment is a field, not the source: Spring Boot would walk into an
     * environment given as a property source's source.)
     */
    private static final class Settings extends EnumerablePropertySource<Map<String, String>> {

        private static final String X_API = "tweetflow.twitter.api-url";
        private static final String X_AUTHORIZE = "tweetflow.twitter.authorize-url";
        private static final String OPEN_HUMANS = "tweetflow.openhumans.url";

        private final PropertyResolver environment;

        Settings(PropertyResolver environment) {
            super(SOURCE, Map.of(
                    "tweetflow.twitter.client-id", SandboxClients.X_CLIENT_ID,
                    "tweetflow.twitter.client-secret", SandboxClients.X_CLIENT_SECRET,
                    "tweetflow.openhumans.client-id", SandboxClients.OPEN_HUMANS_CLIENT_ID,
                    "tweetflow.openhumans.client-secret", SandboxClients.OPEN_HUMANS_CLIENT_SECRET,
                    "tweetflow.ops.password", SandboxClients.OPS_PASSWORD));
            this.environment = environment;
        }

        @Override
        public String[] getPropertyNames() {
            return Stream.concat(getSource().keySet().stream(), Stream.of(X_API, X_AUTHORIZE, OPEN_HUMANS))
                    .toArray(String[]::new);
        }

        @Override
        public Object getProperty(String name) {
            return switch (name) {
                case X_API -> under("tweetflow.public-url", SandboxClients.X_PATH);
                case X_AUTHORIZE -> under(X_API, "/i/oauth2/authorize");
                case OPEN_HUMANS -> under("tweetflow.public-url", SandboxClients.OPEN_HUMANS_PATH);
                default -> getSource().get(name);
            };
        }

        private String under(String baseKey, String path) {
            return environment.getRequiredProperty(baseKey).replaceAll("/+$", "") + path;
        }
    }
}
