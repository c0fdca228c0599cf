package org.tweetflow.config;

import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One place for the timeouts of every call to X and Open Humans (all go through camel-http). */
@Configuration(proxyBeanMethods = false)
public class HttpComponentConfiguration {

    @Bean
    ComponentCustomizer httpTimeouts(TweetflowProperties properties) {
        TweetflowProperties.Http http = properties.http();
        return ComponentCustomizer.forType(HttpComponent.class, component -> {
            component.setConnectTimeout(http.connectTimeout().toMillis());
            component.setConnectionRequestTimeout(http.connectTimeout().toMillis());
            component.setSoTimeout(http.readTimeout().toMillis());
            component.setResponseTimeout(http.readTimeout().toMillis());
            component.setMaxTotalConnections(200);
            component.setConnectionsPerRoute(50);
        });
    }
}
