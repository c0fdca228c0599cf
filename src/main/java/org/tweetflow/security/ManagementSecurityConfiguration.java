package org.tweetflow.security;

import java.util.LinkedHashMap;

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
import org.springframework.web.cors.CorsUtils;
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
                        // before Hawtio's paths: its Jolokia path answers its session cookie, which a page of
                        // another port on this host (same-site) would send along
                        .requestMatchers(ManagementSecurityConfiguration::sentByAnotherPage).denyAll()
                        // Hawtio's own filters guard the console: pages without its signed-in session lead to
                        // its login form, and its path to Jolokia (a forward to /actuator/jolokia, checked again
                        // there by Hawtio's filter) refuses calls without that session
                        .requestMatchers(EndpointRequest.to(HAWTIO)).permitAll()
                        .dispatcherTypeMatchers(DispatcherType.FORWARD).permitAll()
                        .anyRequest().hasRole(OpsCredentials.OPS_ROLE))
                .authenticationManager(opsSignIn(properties.ops()))
                .httpBasic(basic -> basic.authenticationEntryPoint(challengeUnlessCalledByAPage()))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // No CSRF tokens (curl and Prometheus have none to send), though a browser that once sent the ops
                // account's Basic credentials (or holds Hawtio's session) sends them again with any page's request
                // here. What holds instead: a request another site's page makes is refused, as its browser says in
                // Sec-Fetch-Site (sent to HTTPS and localhost only) or, over plain HTTP, in an Origin that is not
                // this server's (every cross-origin fetch and POST carries one); Jolokia takes POST alone
                // (jolokia-access.xml), so an image or link cannot call it; the ops actions consume JSON alone,
                // which another page can send only after a CORS preflight nothing here allows (a form or
                // text/plain POST gets 415) - Jolokia reads text/plain bodies, so this covers the ops actions only.
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    /**
     * HTTP Basic's challenge for curl, Prometheus and a browser's address bar; a bare 401 for the calls a page makes
     * (Hawtio's console probes paths such as {@code /jolokia} while it starts): a challenge there would open the
     * browser's own sign-in dialog over Hawtio's form. Over plain HTTP no Sec-Fetch-Mode says so, hence also a
     * script's X-Requested-With, and any Jolokia path asked for something other than a page: curl sends Jolokia
     * its credentials unasked ({@code -u}), so it loses nothing, and Prometheus never calls Jolokia.
     */
    static AuthenticationEntryPoint challengeUnlessCalledByAPage() {
        BasicAuthenticationEntryPoint challenge = new BasicAuthenticationEntryPoint();
        challenge.setRealmName("tweetflow operations");
        RequestMatcher calledByAPage = request -> {
            String mode = request.getHeader("Sec-Fetch-Mode");
            String accept = request.getHeader("Accept");
            return mode != null && !mode.equals("navigate")
                    || request.getHeader("X-Requested-With") != null
                    || request.getRequestURI().endsWith("/jolokia")
                            && (accept == null || !accept.contains("text/html"));
        };
        var answers = new LinkedHashMap<RequestMatcher, AuthenticationEntryPoint>();
        // refused whoever sent it: without credentials too, 403 rather than an invitation to sign in
        answers.put(ManagementSecurityConfiguration::sentByAnotherPage, new HttpStatusEntryPoint(HttpStatus.FORBIDDEN));
        answers.put(calledByAPage, new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED));
        var entryPoint = new DelegatingAuthenticationEntryPoint(answers);
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
     * A request another page made: another site's, as its browser says in {@code Sec-Fetch-Site} (sent to HTTPS and
     * localhost alone), or, over plain HTTP too, another origin's, as its {@code Origin} says (every cross-origin
     * fetch and POST carries one; Hawtio's same-origin calls carry this server's).
     */
    private static boolean sentByAnotherPage(HttpServletRequest request) {
        return sentByAnotherSitesPage(request) || CorsUtils.isCorsRequest(request);
    }

    /**
     * A request another site's page made (a link, a form, an image, a script's fetch), as the browser says in
     * {@code Sec-Fetch-Site}: even one with the ops account's credentials must do nothing here, Jolokia and
     * Hawtio's paths included. The members' pages on this host are another origin too. Hawtio's own calls are
     * same-origin; curl and Prometheus send no such header, an address typed in a browser sends {@code none}.
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
