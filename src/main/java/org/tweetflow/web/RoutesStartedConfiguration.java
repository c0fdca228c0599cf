package org.tweetflow.web;

import java.time.Duration;

import org.apache.camel.CamelContext;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Pages wait for the routes at start-up (RoutesStartedFilter), before Spring Security handles any sign-in callback. */
@Configuration(proxyBeanMethods = false)
class RoutesStartedConfiguration {

    /** Camel starts its routes within a second or two of Tomcat; far longer means something is wrong. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Bean
    FilterRegistrationBean<RoutesStartedFilter> routesStartedFilter(CamelContext camel) {
        var registration = new FilterRegistrationBean<>(new RoutesStartedFilter(camel, PATIENCE));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
