package org.tweetflow.security;

import java.util.LinkedHashMap;
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
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
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
                        .requestMatchers(ManagementSecurityConfiguration::sentByAnotherSitesPage).denyAll()
                        .anyRequest().hasRole(OpsCredentials.OPS_ROLE))
                .authenticationManager(opsSignIn(properties.ops()))
                .httpBasic(basic -> basic.authenticationEntryPoint(challengeUnlessCalledByAPage()))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // No CSRF tokens (curl and Prometheus have none to send), though a browser that once sent the ops
                // account's Basic credentials sends them again with any page's request here. What holds instead:
                // a request another site's page makes is refused (its browser says so: Sec-Fetch-Site); the ops
                // actions consume JSON alone, which another site's page can send only after a CORS preflight that
                // nothing here allows (a form or text/plain POST gets 415); Hawtio's session cookie is
                // SameSite=Strict, so no other site's request carries it.
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

    /**
     * The check of the ops account, for HTTP Basic here and Hawtio's sign-in form; without a password nobody passes
     * it (then only health answers).
     */
    static AuthenticationManager opsSignIn(TweetflowProperties.Ops ops) {
        if (ops.password() == null) {
            log.info("No ops password (TWEETFLOW_OPS_PASSWORD): the management port answers health probes only");
        }
        return new ProviderManager(new OpsCredentials(ops));
    }

    /**
     * A request another site's page made (a link, a form, an image, a script's fetch), as the browser says in
     * {@code Sec-Fetch-Site}: even one with the ops account's credentials must do nothing here, a Jolokia URL
     * included (Hawtio's pages answer it with their sign-in form). The members' pages on this host are another
     * origin too. Hawtio's own calls are same-origin; curl and Prometheus send no such header, an address typed in
     * a browser sends {@code none}.
     */
    private static boolean sentByAnotherSitesPage(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        return site != null && !site.equals("same-origin") && !site.equals("none");
    }

    private static boolean onManagementServer(HttpServletRequest request) {
        return WebServerApplicationContext.hasServerNamespace(
                WebApplicationContextUtils.getWebApplicationContext(request.getServletContext()),
                WebServerNamespace.MANAGEMENT.getValue());
    }
}
