package org.tweetflow.security;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.tweetflow.config.TweetflowProperties;
import org.tweetflow.openhumans.OpenHumansEndpoints;
import org.tweetflow.twitter.XEndpoints;

/**
 * The two OAuth clients, from the contract's endpoint variables (so the same code talks to the sandbox or the real
 * services): Open Humans signs members in; X is a client each member authorizes (PKCE, confidential, HTTP Basic).
 */
@Configuration(proxyBeanMethods = false)
public class OAuthClientConfiguration {

    public static final String OPEN_HUMANS = "openhumans";
    public static final String TWITTER = "twitter";

    @Bean
    ClientRegistrationRepository clientRegistrationRepository(TweetflowProperties properties,
            OpenHumansEndpoints openHumans, XEndpoints x) {
        String publicUrl = properties.publicUrl().toString().replaceAll("/+$", "");
        ClientRegistration openHumansClient = ClientRegistration.withRegistrationId(OPEN_HUMANS)
                .clientName("Open Humans")
                .clientId(openHumans.clientId())
                .clientSecret(openHumans.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(publicUrl + "/login/oauth2/code/" + OPEN_HUMANS)
                .authorizationUri(openHumans.authorizeUrl().toString())
                .tokenUri(openHumans.tokenUrl().toString())
                .userInfoUri(openHumans.path("/api/direct-sharing/project/exchange-member/").toString())
                .userNameAttributeName("project_member_id")
                .build();
        ClientRegistration twitterClient = ClientRegistration.withRegistrationId(TWITTER)
                .clientName("X (Twitter)")
                .clientId(x.clientId())
                .clientSecret(x.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(publicUrl + "/connect/twitter/callback")
                .scope("tweet.read", "users.read", "offline.access")
                .authorizationUri(x.authorizeUrl().toString())
                .tokenUri(x.tokenUrl().toString())
                .userInfoUri(x.api("/2/users/me").toString())
                .userNameAttributeName("data")
                .build();
        return new InMemoryClientRegistrationRepository(openHumansClient, twitterClient);
    }

    /** Refreshes a token shortly before it expires. */
    @Bean
    AuthorizedClientServiceOAuth2AuthorizedClientManager authorizedClientManager(
            ClientRegistrationRepository registrations, OAuth2AuthorizedClientService clients, Clock clock) {
        return refreshingManager(registrations, clients, clock);
    }

    /** Refreshes whatever the token's expiry says: for a token the provider has just rejected with a 401. */
    @Bean
    AuthorizedClientServiceOAuth2AuthorizedClientManager forcedRefreshManager(
            ClientRegistrationRepository registrations, OAuth2AuthorizedClientService clients, Clock clock) {
        return refreshingManager(registrations, clients, Clock.offset(clock, Duration.ofDays(365L * 100)));
    }

    private static AuthorizedClientServiceOAuth2AuthorizedClientManager refreshingManager(
            ClientRegistrationRepository registrations, OAuth2AuthorizedClientService clients, Clock clock) {
        RefreshTokenOAuth2AuthorizedClientProvider refresh = new RefreshTokenOAuth2AuthorizedClientProvider();
        refresh.setClock(clock);
        var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(refresh);
        // The default handler deletes the stored client on invalid_grant; MemberTokens marks the member
        // "needs reconnect" instead, so nothing is lost silently and the dashboard can say what happened.
        manager.setAuthorizationFailureHandler((failure, principal, attributes) -> { });
        return manager;
    }
}
