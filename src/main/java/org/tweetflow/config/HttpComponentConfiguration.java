package org.tweetflow.config;

import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One place for the timeouts and retry policy of every call to X and Open Humans (all go through camel-http). */
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
            // HttpClient would silently retry 429 and 503 itself: that spends budget behind the routes' back
            // and hides the answers the routes must see. Redelivery is the routes' job (errors.camel.yaml).
            component.setHttpClientConfigurer(builder -> builder.disableAutomaticRetries());
        });
    }
}
