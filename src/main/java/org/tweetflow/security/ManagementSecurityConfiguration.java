package org.tweetflow.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.support.WebApplicationContextUtils;
import org.tweetflow.config.TweetflowProperties;

/**
 * Who may reach the management port: the health probes answer anyone (Kubernetes asks without credentials); every
 * other path there (metrics, Jolokia, the ops actions) needs the ops account from configuration, with HTTP Basic.
 * Hawtio is the one browser application here: it signs the ops account in with its own form and session
 * ({@link HawtioSignInConfiguration}), its pages lead there and its Jolokia path answers only that session.
 * Members' sign-ins count for nothing here, and without an ops password nobody gets past health. The members' port
 * serves no actuator at all: the management port is a server of its own ({@code DeploymentSettings} refuses it on
 * the members' port), so this chain matches requests by the server they reached, not by path.
 */
@Configuration(proxyBeanMethods = false)
public class ManagementSecurityConfiguration {

    static final String OPS_ROLE = "OPS";
    static final String HAWTIO = "hawtio";
    private static final Logger log = LoggerFactory.getLogger(ManagementSecurityConfiguration.class);

    @Bean
    @Order(1)
    SecurityFilterChain management(HttpSecurity http, TweetflowProperties properties) throws Exception {
        http.securityMatcher(ManagementSecurityConfiguration::onManagementServer)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        // Hawtio's own filters guard the console: pages without its signed-in session lead to
                        // its login form, and its path to Jolokia (a forward to /actuator/jolokia, checked again
                        // there by Hawtio's filter) refuses calls without that session
                        .requestMatchers(EndpointRequest.to(HAWTIO)).permitAll()
                        .dispatcherTypeMatchers(DispatcherType.FORWARD).permitAll()
                        .anyRequest().hasRole(OPS_ROLE))
                .userDetailsService(opsAccount(properties.ops()))
                .httpBasic(basic -> basic.authenticationEntryPoint(challengeUnlessCalledByAPage()))
                // every call carries its credentials: there is no session whose cookie a foreign page could ride
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    /**
     * HTTP Basic's challenge for curl, Prometheus and a browser's address bar; a bare 401 for the calls a page makes
     * (Hawtio's console probes paths such as {@code /jolokia} while it starts): a challenge there would open the
     * browser's own sign-in dialog over Hawtio's form.
     */
    static AuthenticationEntryPoint challengeUnlessCalledByAPage() {
        BasicAuthenticationEntryPoint challenge = new BasicAuthenticationEntryPoint();
        challenge.setRealmName("tweetflow operations");
        RequestMatcher calledByAPage = request -> {
            String mode = request.getHeader("Sec-Fetch-Mode");
            return mode != null && !mode.equals("navigate");
        };
        var entryPoint = new DelegatingAuthenticationEntryPoint(new LinkedHashMap<>(
                Map.of(calledByAPage, new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED))));
        entryPoint.setDefaultEntryPoint(challenge);
        return entryPoint;
    }

    /** The one account of the management port; none without a password (then only health answers). */
    static InMemoryUserDetailsManager opsAccount(TweetflowProperties.Ops ops) {
        if (ops.password() == null) {
            log.info("No ops password (TWEETFLOW_OPS_PASSWORD): the management port answers health probes only");
            return new InMemoryUserDetailsManager(List.<UserDetails>of());
        }
        return new InMemoryUserDetailsManager(User.withUsername(ops.username())
                .password(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(ops.password()))
                .roles(OPS_ROLE).build());
    }

    /** The check of the ops account's password, for sign-ins that are not HTTP Basic (Hawtio's form). */
    static AuthenticationManager opsSignIn(TweetflowProperties.Ops ops) {
        return new ProviderManager(new DaoAuthenticationProvider(opsAccount(ops)));
    }

    private static boolean onManagementServer(HttpServletRequest request) {
        return WebServerApplicationContext.hasServerNamespace(
                WebApplicationContextUtils.getWebApplicationContext(request.getServletContext()),
                WebServerNamespace.MANAGEMENT.getValue());
    }
}
