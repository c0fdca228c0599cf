package org.tweetflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.tweetflow.TweetflowTest;
import org.tweetflow.member.Member;
import org.tweetflow.member.Members;
import org.tweetflow.sandbox.x.XSimulator;

/** Tokens for background work: encrypted at rest, refreshed before they expire, renewed once for many callers. */
@TweetflowTest
class MemberTokensTest {

    static final String ADA = "10000001";

    @Autowired
    MemberTokens tokens;
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
        jdbc.update("DELETE FROM member");
    }

    @Test
    void storedTokensAreEncryptedAndReadBackAsIssued() {
        store(issued.accessToken(), issued.refreshToken(), Instant.now().plusSeconds(7200));

        List<String> raw = jdbc.queryForList("SELECT access_token || ' ' || refresh_token FROM oauth_token",
                String.class);
        assertThat(raw).singleElement().asString().doesNotContain(issued.accessToken())
                .doesNotContain(issued.refreshToken()).startsWith("v1:");
        assertThat(tokens.accessToken(ada.id(), OAuthClientConfiguration.TWITTER)).isEqualTo(issued.accessToken());
        assertThat(x.callCount("token")).isZero();
    }

    @Test
    void tokenAboutToExpireIsRefreshedBeforeUseAndTheRotatedRefreshTokenIsStored() {
        store(issued.accessToken(), issued.refreshToken(), Instant.now().plusSeconds(20));

        String fresh = tokens.accessToken(ada.id(), OAuthClientConfiguration.TWITTER);

        assertThat(fresh).isNotEqualTo(issued.accessToken());
        assertThat(x.callCount("token")).isEqualTo(1);
        OAuth2AuthorizedClient stored = clients.loadAuthorizedClient(OAuthClientConfiguration.TWITTER, ADA);
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
            return tokens.renewedAccessToken(ada.id(), OAuthClientConfiguration.TWITTER, issued.accessToken());
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
        assertThatThrownBy(() -> tokens.accessToken(ada.id(), OAuthClientConfiguration.TWITTER))
                .isInstanceOf(ReconnectNeededException.class);
    }

    private void store(String access, String refresh, Instant expiresAt) {
        Instant issuedAt = expiresAt.minusSeconds(7200);
        clients.saveAuthorizedClient(new OAuth2AuthorizedClient(
                registrations.findByRegistrationId(OAuthClientConfiguration.TWITTER), ADA,
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, access, issuedAt, expiresAt),
                new OAuth2RefreshToken(refresh, issuedAt)), new TestingAuthenticationToken(ADA, null));
    }
}
