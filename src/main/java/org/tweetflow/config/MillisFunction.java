package org.tweetflow.config;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesFunction;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code {{millis:tweetflow.archive.poll-interval}}}: a duration setting as milliseconds, for the routes' timers.
 * Camel reads a timer's delay as a number or as {@code 2s}/{@code 1m} and silently takes an ISO-8601 {@code PT2S} as
 * 0; Spring reads both. The settings are documented, validated and bound as Spring durations, so the routes read them
 * through Spring's own conversion and mean what the typed configuration means.
 */
@Component
public class MillisFunction implements PropertiesFunction, CamelContextConfiguration {

    private final Environment environment;

    public MillisFunction(Environment environment) {
        this.environment = environment;
    }

    /** Before the routes are read, so that their timers resolve. */
    @Override
    public void beforeApplicationStart(CamelContext camel) {
        camel.getPropertiesComponent().addPropertiesFunction(this);
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
        // nothing to do once started
    }

    @Override
    public String getName() {
        return "millis";
    }

    @Override
    public String apply(String key) {
        String value = environment.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("no setting " + key + " for a route's timer");
        }
        return Long.toString(DurationStyle.detectAndParse(value.trim()).toMillis());
    }
}
