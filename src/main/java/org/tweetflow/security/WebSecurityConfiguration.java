package org.tweetflow.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.web.util.UriComponentsBuilder;
import org.tweetflow.config.TweetflowProperties;

/**
 * Who may reach what on the members' port. The landing page, static files and the failure page are open; everything
 * else needs an Open Humans sign-in (the management port has its own chain: ManagementSecurityConfiguration). Forms carry CSRF tokens; the session id changes at sign-in (Spring Security's default
 * fixation protection). The code exchanges and the sign-in's user-info call are the timed ones of
 * OAuthClientConfiguration. The sandbox's paths have a chain of their own, from the sandbox's auto-configuration.
 * Pages run only this server's scripts and style sheets (no inline script or style) and tell no other site which
 * page linked to it.
 */
@Configuration(proxyBeanMethods = false)
public class WebSecurityConfiguration {

    /**
     * Scripts, styles, images and calls from this server only; no plugins, frames, foreign forms or base URL. Inline
     * {@code <script>}, {@code on...=} handlers and {@code style=} attributes are refused: the bar charts draw with
     * SVG attributes instead.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final AntPathRequestMatcher API = new AntPathRequestMatcher("/api/**");
    private static final AntPathRequestMatcher THUMBNAILS = new AntPathRequestMatcher("/collections/*/media/*.jpg");
    private static final String CSRF_NEEDED = "a request that changes something needs the session's CSRF token in "
            + "the X-CSRF-TOKEN header (GET /api/csrf gives it)";

    @Bean
    SecurityFilterChain pages(HttpSecurity http, ClientRegistrationRepository registrations,
            MemberSignIn signIn, OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> codeExchange,
            OAuth2UserService<OAuth2UserRequest, OAuth2User> signedInUser) throws Exception {
        OAuth2AuthorizationRequestResolver withPkce = pkce(registrations);
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/css/**", "/js/**", "/error", "/signin-failed", "/robots.txt",
                                "/collections/feed.atom")
                        .permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .loginPage("/")
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(withPkce))
                        .tokenEndpoint(token -> token.accessTokenResponseClient(codeExchange))
                        .userInfoEndpoint(userInfo -> userInfo.userService(signedInUser))
                        .successHandler(signIn)
                        .failureHandler((request, response, failure) -> response.sendRedirect(
                                UriComponentsBuilder.fromPath(request.getContextPath() + "/signin-failed")
                                        .queryParam("error", errorCode(failure)).build().encode().toUriString())))
                .oauth2Client(client -> client
                        .authorizationCodeGrant(grant -> grant.authorizationRequestResolver(withPkce)
                                .accessTokenResponseClient(codeExchange)))
                .logout(logout -> logout.logoutSuccessUrl("/?signed-out"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        // same-origin: a link to X or Open Humans does not tell them which member or collection page
                        // it was on
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        // a thumbnail says how long the browser keeps it; everything else is not cached
                        .cacheControl(cache -> cache.disable())
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(THUMBNAILS), new CacheControlHeadersWriter()))
                        // written before the request is handled: a streamed export commits its response on another
                        // thread while this one leaves the filter chain, and both would write the headers at once
                        .addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                            @Override
                            public <F extends HeaderWriterFilter> F postProcess(F filter) {
                                filter.setShouldWriteHeadersEagerly(true);
                                return filter;
                            }
                        }))
                // the API answers with an error, not the sign-in page; ErrorPages writes it as problem details
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor((request, response, refused) -> response.sendError(
                                HttpStatus.UNAUTHORIZED.value()), API)
                        .defaultAccessDeniedHandlerFor((request, response, denied) -> response.sendError(
                                HttpStatus.FORBIDDEN.value(), denied instanceof CsrfException ? CSRF_NEEDED
                                        : "not allowed"), API));
        return http.build();
    }

    /**
     * No observation of each security filter, sign-in and access decision: on every page they cost about a seventh of
     * the request's CPU (a timer looked up and stopped per filter; docs/benchmarks.md, dashboard under load) and tell
     * an operator nothing that {@code http.server.requests} does not.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** For Tomcat's session cookie and for Spring Session's (distributed mode) alike. */
    @Bean
    SessionCookies sessionCookies(TweetflowProperties properties) {
        return new SessionCookies(properties.publicUrl());
    }

    /** PKCE (S256) on every authorization request: X requires it, also from confidential clients. */
    private static OAuth2AuthorizationRequestResolver pkce(ClientRegistrationRepository registrations) {
        var resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations,
                OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return resolver;
    }

    private static String errorCode(Exception failure) {
        return failure instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : "sign_in_failed";
    }
}
