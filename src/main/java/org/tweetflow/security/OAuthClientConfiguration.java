package org.tweetflow.security;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.AuthenticatedPrincipalOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.tweetflow.config.TweetflowProperties;
import org.tweetflow.openhumans.OpenHumansEndpoints;
import org.tweetflow.tokens.Provider;
import org.tweetflow.twitter.XEndpoints;

/**
 * The two OAuth clients, from the contract's endpoint variables (so the same code talks to the sandbox or the real
 * services): Open Humans signs members in; X is a client each member authorizes (PKCE, confidential, HTTP Basic).
 * Every call to the providers' token and user-info endpoints runs with the {@code tweetflow.http} timeouts: a refresh
 * holds the token's row lock, and a provider that never answers must not hold it (or a page) forever.
 */
@Configuration(proxyBeanMethods = false)
public class OAuthClientConfiguration {

    @Bean
    ClientRegistrationRepository clientRegistrationRepository(TweetflowProperties properties,
            OpenHumansEndpoints openHumans, XEndpoints x) {
        String publicUrl = properties.publicUrl().toString().replaceAll("/+$", "");
        ClientRegistration openHumansClient = ClientRegistration.withRegistrationId(Provider.OPEN_HUMANS.registrationId())
                .clientName("Open Humans")
                .clientId(openHumans.clientId())
                .clientSecret(openHumans.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(publicUrl + "/login/oauth2/code/" + Provider.OPEN_HUMANS.registrationId())
                .authorizationUri(openHumans.authorizeUrl().toString())
                .tokenUri(openHumans.tokenUrl().toString())
                .userInfoUri(openHumans.exchangeMember().toString())
                .userNameAttributeName("project_member_id")
                .build();
        ClientRegistration twitterClient = ClientRegistration.withRegistrationId(Provider.X.registrationId())
                .clientName("X (Twitter)")
                .clientId(x.clientId())
                .clientSecret(x.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(publicUrl + "/connect/twitter/callback")
                .scope("tweet.read", "users.read", "offline.access")
                .authorizationUri(x.authorizeUrl().toString())
                .tokenUri(x.tokenUrl().toString())
                .userInfoUri(x.usersMe().toString())
                .userNameAttributeName("data")
                .build();
        return new InMemoryClientRegistrationRepository(openHumansClient, twitterClient);
    }

    /** The authorized clients in the encrypted store, marking the session when X has just authorized tweetflow. */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClientRepository(OAuth2AuthorizedClientService clients) {
        return new XAuthorizedMark(new AuthenticatedPrincipalOAuth2AuthorizedClientRepository(clients));
    }

    /** The code exchange of the Open Humans sign-in and of connecting X. */
    @Bean
    OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> codeExchange(TweetflowProperties properties) {
        var client = new RestClientAuthorizationCodeTokenResponseClient();
        client.setRestClient(tokenEndpoint(properties.http()));
        return client;
    }

    @Bean
    OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> tokenRefresh(TweetflowProperties properties) {
        var client = new RestClientRefreshTokenTokenResponseClient();
        client.setRestClient(tokenEndpoint(properties.http()));
        return client;
    }

    /** Who signed in: Open Humans' exchange-member, read once at sign-in. */
    @Bean
    OAuth2UserService<OAuth2UserRequest, OAuth2User> signedInUser(TweetflowProperties properties) {
        RestTemplate rest = new RestTemplate(timed(properties.http()));
        rest.setErrorHandler(new OAuth2ErrorResponseErrorHandler());
        var service = new DefaultOAuth2UserService();
        service.setRestOperations(rest);
        return service;
    }

    /** Refreshes a token shortly before it expires. */
    @Bean
    AuthorizedClientServiceOAuth2AuthorizedClientManager authorizedClientManager(
            ClientRegistrationRepository registrations, OAuth2AuthorizedClientService clients, Clock clock,
            OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> tokenRefresh) {
        return refreshingManager(registrations, clients, clock, clock, tokenRefresh);
    }

    /** Refreshes whatever the token's expiry says: for a token the provider has just rejected with a 401. */
    @Bean
    AuthorizedClientServiceOAuth2AuthorizedClientManager forcedRefreshManager(
            ClientRegistrationRepository registrations, OAuth2AuthorizedClientService clients, Clock clock,
            OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> tokenRefresh) {
        return refreshingManager(registrations, clients, Clock.offset(clock, Duration.ofDays(365L * 100)), clock,
                tokenRefresh);
    }

    /**
     * @param expiryClock what the refresh decision compares a token's expiry with
     * @param clock       the service's clock: a refreshed token's lifetime is recorded on it, as the decision reads it
     *                    (Spring stamps the provider's answer with the system time)
     */
    private static AuthorizedClientServiceOAuth2AuthorizedClientManager refreshingManager(
            ClientRegistrationRepository registrations, OAuth2AuthorizedClientService clients, Clock expiryClock,
            Clock clock, OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> tokenRefresh) {
        RefreshTokenOAuth2AuthorizedClientProvider refresh = new RefreshTokenOAuth2AuthorizedClientProvider();
        refresh.setClock(expiryClock);
        refresh.setAccessTokenResponseClient(tokenRefresh);
        var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(refresh);
        manager.setAuthorizationSuccessHandler((client, principal, attributes) ->
                clients.saveAuthorizedClient(issuedNow(client, clock), principal));
        // The default handler deletes the stored client on invalid_grant; MemberTokens marks the member
        // "needs reconnect" instead, so nothing is lost silently and the dashboard can say what happened.
        manager.setAuthorizationFailureHandler((failure, principal, attributes) -> { });
        return manager;
    }

    /** The client with its access token's lifetime starting now on {@code clock}. */
    private static OAuth2AuthorizedClient issuedNow(OAuth2AuthorizedClient client, Clock clock) {
        OAuth2AccessToken token = client.getAccessToken();
        if (token.getIssuedAt() == null || token.getExpiresAt() == null) {
            return client;
        }
        Instant now = clock.instant();
        OAuth2AccessToken restamped = new OAuth2AccessToken(token.getTokenType(), token.getTokenValue(), now,
                now.plus(Duration.between(token.getIssuedAt(), token.getExpiresAt())), token.getScopes());
        return new OAuth2AuthorizedClient(client.getClientRegistration(), client.getPrincipalName(), restamped,
                client.getRefreshToken());
    }

    /** Spring Security's token endpoint client (form out, token response in, OAuth 2.0 errors read), with timeouts. */
    private static RestClient tokenEndpoint(TweetflowProperties.Http http) {
        return RestClient.builder()
                .requestFactory(timed(http))
                .messageConverters(converters -> {
                    converters.clear();
                    converters.add(new FormHttpMessageConverter());
                    converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(new TokenEndpointErrors())
                .build();
    }

    /** The JDK's client: HttpURLConnection would hide the body of a 401 answer to a streamed POST. */
    private static ClientHttpRequestFactory timed(TweetflowProperties.Http http) {
        var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(http.connectTimeout()).build());
        factory.setReadTimeout(http.readTimeout());
        return factory;
    }
}
