package org.tweetflow.openhumans;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tweetflow.config.TweetflowProperties;

/** Where Open Humans is: the configured base URL, else the real service. */
@Configuration(proxyBeanMethods = false)
public class OpenHumansConfiguration {

    private static final URI BASE = URI.create("https://www.openhumans.org");

    @Bean
    OpenHumansEndpoints openHumansEndpoints(TweetflowProperties properties) {
        TweetflowProperties.OpenHumans oh = properties.openhumans();
        return new OpenHumansEndpoints(oh.url() != null ? oh.url() : BASE, oh.clientId(), oh.clientSecret());
    }
}
