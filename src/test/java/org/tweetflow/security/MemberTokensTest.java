package org.tweetflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.test.context.TestPropertySource;
import org.tweetflow.TweetflowTest;
import org.tweetflow.member.Member;
import org.tweetflow.member.Members;
import org.tweetflow.sandbox.SandboxFaults;
import org.tweetflow.sandbox.SandboxFaults.Fault;
import org.tweetflow.sandbox.x.XSimulator;
import org.tweetflow.tokens.Provider;
import org.tweetflow.tokens.ReconnectNeededException;
import org.tweetflow.tokens.TokenRefreshMeters.Outcome;

/**
 * Tokens for background work: encrypted at rest, refreshed before they expire, renewed once for many callers, and
 * never waited for longer than the read timeout (short here, so a token endpoint that never answers is seen at once).
 */
@TweetflowTest
@TestPropertySource(properties = "tweetflow.http.read-timeout=PT1S")
class MemberTokensTest {

    /** Far beyond the read timeout: a call that waited for the answer would take at least this long. */
    static final Duration NEVER = Duration.ofSeconds(15);

    static final String ADA = "10000001";

    @Autowired
    MemberTokens tokens;
    @Autowired
    MeterRegistry registry;
    @Autowired
    EncryptedAuthorizedClientService clients;
    @Autowired
    ClientRegistrationRepository registrations;
    @Autowired
    Members members;
    @Autowired
    XSimulator x;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SandboxFaults faults;
    @Autowired
    OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> codeExchange;

    Member ada;
    XSimulator.Tokens issued;

    @BeforeEach
    void connect() {
        ada = members.ensure(ADA);
        issued = x.issueTokens(XSimulator.SAM, XSimulator.DEFAULT_SCOPE);
        x.resetCounts();
    }

    @AfterEach
    void forget() {
        faults.clear();
        jdbc.update("DELETE FROM member");
    }

    @Test
    void storedTokensAreEncryptedAndReadBackAsIssued() {
        store(issued.accessToken(), issued.refreshToken(), Instant.now().plusSeconds(7200));

        List<String> raw = jdbc.queryForList("SELECT access_token || ' ' || refresh_token FROM oauth_token",
                String.class);
        assertThat(raw).singleElement().asString().doesNotContain(issued.accessToken())
                .doesNotContain(issued.refreshToken()).startsWith("v1:");
        double renewed = refreshes(Provider.X, Outcome.RENEWED);
        assertThat(tokens.accessToken(ada.id(), Provider.X)).isEqualTo(issued.accessToken());
        assertThat(x.callCount("token")).isZero();
        assertThat(refreshes(Provider.X, Outcome.RENEWED)).as("a token still good is no refresh").isEqualTo(renewed);
    }

    @Test
    void tokenAboutToExpireIsRefreshedBeforeUseAndTheRotatedRefreshTokenIsStored() {
        store(issued.accessToken(), issued.refreshToken(), Instant.now().plusSeconds(20));
        double renewed = refreshes(Provider.X, Outcome.RENEWED);

        String fresh = tokens.accessToken(ada.id(), Provider.X);

        assertThat(fresh).isNotEqualTo(issued.accessToken());
        assertThat(x.callCount("token")).isEqualTo(1);
        assertThat(refreshes(Provider.X, Outcome.RENEWED)).isEqualTo(renewed + 1);
        OAuth2AuthorizedClient stored = clients.loadAuthorizedClient(Provider.X.registrationId(), ADA);
        assertThat(stored.getAccessToken().getTokenValue()).isEqualTo(fresh);
        assertThat(stored.getRefreshToken().getTokenValue()).isNotEqualTo(issued.refreshToken());
    }

    @Test
    void rejectedTokenIsRenewedOnceHoweverManyCallsSawTheRejection() throws Exception {
        store(issued.accessToken(), issued.refreshToken(), Instant.now().plusSeconds(7200));
        x.expireAccessToken(issued.accessToken());
        CountDownLatch start = new CountDownLatch(1);
        Callable<String> renew = () -> {
            start.await();
            return tokens.renewedAccessToken(ada.id(), Provider.X, issued.accessToken());
        };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> renewals = List.of(pool.submit(renew), pool.submit(renew), pool.submit(renew),
                    pool.submit(renew));
            start.countDown();
            String first = renewals.get(0).get();
            for (Future<String> renewal : renewals) {
                assertThat(renewal.get()).isEqualTo(first).isNotEqualTo(issued.accessToken());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(x.callCount("token")).as("one refresh: a rotated refresh token is spent once").isEqualTo(1);
    }

    @Test
    void memberWithoutTokensNeedsToConnect() {
        assertThatThrownBy(() -> tokens.accessToken(ada.id(), Provider.X))
                .isInstanceOf(ReconnectNeededException.class);
    }

    @Test
    void refreshFromATokenEndpointThatNeverAnswersFailsWithinTheTimeoutAndLeavesTheTokenFreeForTheNextCall() {
        store(issued.accessToken(), issued.refreshToken(), Instant.now().plusSeconds(20));
        faults.inject(Fault.delay("POST", "/x/2/oauth2/token", NEVER));
        double failed = refreshes(Provider.X, Outcome.FAILED);

        // the read timeout (1 s) gave up on the answer X sends only after 15 s
        assertThatThrownBy(() -> tokens.accessToken(ada.id(), Provider.X))
                .isNotInstanceOf(ReconnectNeededException.class).hasRootCauseInstanceOf(HttpTimeoutException.class);
        assertThat(refreshes(Provider.X, Outcome.FAILED)).isEqualTo(failed + 1);
        // the row lock went with the failed call: the next one refreshes at once with the same refresh token
        String fresh = tokens.accessToken(ada.id(), Provider.X);
        assertThat(fresh).isNotEqualTo(issued.accessToken());
    }

    @Test
    void codeExchangeWithATokenEndpointThatNeverAnswersFailsWithinTheTimeout() {
        ClientRegistration twitter = registrations.findByRegistrationId(Provider.X.registrationId());
        OAuth2AuthorizationRequest asked = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(twitter.getProviderDetails().getAuthorizationUri()).clientId(twitter.getClientId())
                .redirectUri(twitter.getRedirectUri()).state("state").build();
        OAuth2AuthorizationResponse answered = OAuth2AuthorizationResponse.success("code")
                .redirectUri(twitter.getRedirectUri()).state("state").build();
        faults.inject(Fault.delay("POST", "/x/2/oauth2/token", NEVER));

        // the read timeout (1 s) gave up on the answer X sends only after 15 s
        assertThatThrownBy(() -> codeExchange.getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(twitter,
                new OAuth2AuthorizationExchange(asked, answered)))).hasRootCauseInstanceOf(HttpTimeoutException.class);
    }

    /** Open Humans' recorded server refuses a refresh token with 401, its documentation says 400: both mean it. */
    @ParameterizedTest
    @ValueSource(ints = {400, 401})
    void refreshTokenOpenHumansRefusesMeansTheMemberMustSignInAgain(int status) {
        store(Provider.OPEN_HUMANS, "oh-access", "oh-refresh", Instant.now().plusSeconds(7200));
        faults.inject(Fault.status("POST", "/openhumans/oauth2/token/", status, "{\"error\":\"invalid_grant\"}"));
        double refused = refreshes(Provider.OPEN_HUMANS, Outcome.REFUSED);

        assertThatThrownBy(() -> tokens.renewedAccessToken(ada.id(), Provider.OPEN_HUMANS,
                "oh-access")).isInstanceOf(ReconnectNeededException.class).hasMessageContaining("invalid_grant");
        assertThat(refreshes(Provider.OPEN_HUMANS, Outcome.REFUSED)).isEqualTo(refused + 1);
    }

    /** tweetflow_token_refreshes_total of the provider and outcome so far. */
    private double refreshes(Provider provider, Outcome outcome) {
        return registry.get("tweetflow.token.refreshes").tag("provider", provider.registrationId())
                .tag("outcome", outcome.name().toLowerCase()).counter().count();
    }

    private void store(String access, String refresh, Instant expiresAt) {
        store(Provider.X, access, refresh, expiresAt);
    }

    private void store(Provider provider, String access, String refresh, Instant expiresAt) {
        Instant issuedAt = expiresAt.minusSeconds(7200);
        clients.saveAuthorizedClient(new OAuth2AuthorizedClient(
                registrations.findByRegistrationId(provider.registrationId()), ADA,
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, access, issuedAt, expiresAt),
                new OAuth2RefreshToken(refresh, issuedAt)), new TestingAuthenticationToken(ADA, null));
    }
}
