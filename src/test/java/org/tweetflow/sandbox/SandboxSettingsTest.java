package org.tweetflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.tweetflow.config.TweetflowProperties;

/** The sandbox reaches the service as settings only: its clients and URLs, below whatever is configured. */
class SandboxSettingsTest {

    @Test
    void withTheFlagTheSandboxGivesItsClientsAndUrlsUnderThePublicUrl() {
        TweetflowProperties properties = settle(Map.of("tweetflow.sandbox", "true",
                "tweetflow.public-url", "http://localhost:8123/"));

        assertThat(properties.sandbox()).isTrue();
        assertThat(properties.twitter().apiUrl()).hasToString("http://localhost:8123/sandbox/x");
        assertThat(properties.twitter().authorizeUrl()).hasToString("http://localhost:8123/sandbox/x/i/oauth2/authorize");
        assertThat(properties.twitter().tokenUrl()).isNull();
        assertThat(properties.twitter().clientId()).isEqualTo(SandboxClients.X_CLIENT_ID);
        assertThat(properties.twitter().clientSecret()).isEqualTo(SandboxClients.X_CLIENT_SECRET);
        assertThat(properties.openhumans().url()).hasToString("http://localhost:8123/sandbox/openhumans");
        assertThat(properties.openhumans().clientId()).isEqualTo(SandboxClients.OPEN_HUMANS_CLIENT_ID);
        assertThat(properties.openhumans().clientSecret()).isEqualTo(SandboxClients.OPEN_HUMANS_CLIENT_SECRET);
        assertThat(properties.ops().password()).isEqualTo(SandboxClients.OPS_PASSWORD);
    }

    @Test
    void explicitSettingsWinOverTheSandboxs() {
        TweetflowProperties properties = settle(Map.of("tweetflow.sandbox", "on",
                "tweetflow.public-url", "http://localhost:8123", "tweetflow.twitter.api-url", "http://elsewhere:9000/x/",
                "tweetflow.ops.password", "chosen"));

        assertThat(properties.twitter().apiUrl()).hasToString("http://elsewhere:9000/x/");
        assertThat(properties.twitter().authorizeUrl()).hasToString("http://elsewhere:9000/x/i/oauth2/authorize");
        assertThat(properties.openhumans().url()).hasToString("http://localhost:8123/sandbox/openhumans");
        assertThat(properties.ops().password()).isEqualTo("chosen");
    }

    @Test
    void theUrlsFollowAPublicUrlSetLater() {
        StandardEnvironment environment = environment(Map.of("tweetflow.sandbox", "true",
                "tweetflow.public-url", "http://localhost:${server.port}"));
        new SandboxSettings().postProcessEnvironment(environment, new SpringApplication());
        environment.getPropertySources().addFirst(new MapPropertySource("port", Map.of("server.port", "8765")));

        assertThat(bind(environment).twitter().apiUrl()).hasToString("http://localhost:8765/sandbox/x");
    }

    /** A deployment whose Secret is missing: no client ids, no flag. It must fail to start, not become a sandbox. */
    @Test
    void withoutTheFlagNothingTurnsItOn() {
        StandardEnvironment environment = environment(Map.of());

        new SandboxSettings().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getPropertySources().contains("sandbox")).isFalse();
        assertThat(environment.getProperty("tweetflow.twitter.client-id")).isNull();
        assertThat(SandboxCondition.isOn(environment)).isFalse();
    }

    @Test
    void offOrWithRealClientsItAddsNothing() {
        TweetflowProperties off = settle(Map.of("tweetflow.sandbox", "false", "tweetflow.token-key", "k",
                "tweetflow.twitter.client-id", "x", "tweetflow.twitter.client-secret", "s",
                "tweetflow.openhumans.client-id", "o", "tweetflow.openhumans.client-secret", "t"));
        TweetflowProperties real = settle(Map.of("tweetflow.token-key", "k",
                "tweetflow.twitter.client-id", "x", "tweetflow.twitter.client-secret", "s",
                "tweetflow.openhumans.client-id", "o", "tweetflow.openhumans.client-secret", "t"));

        for (TweetflowProperties properties : new TweetflowProperties[] {off, real}) {
            assertThat(properties.sandbox()).isFalse();
            assertThat(properties.twitter().apiUrl()).isNull();
            assertThat(properties.twitter().clientId()).isEqualTo("x");
            assertThat(properties.openhumans().url()).isNull();
        }
    }

    private static TweetflowProperties settle(Map<String, Object> configured) {
        StandardEnvironment environment = environment(configured);
        new SandboxSettings().postProcessEnvironment(environment, new SpringApplication());
        return bind(environment);
    }

    private static StandardEnvironment environment(Map<String, Object> configured) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("configured", configured));
        return environment;
    }

    private static TweetflowProperties bind(StandardEnvironment environment) {
        return Binder.get(environment).bindOrCreate("tweetflow", TweetflowProperties.class);
    }
}
