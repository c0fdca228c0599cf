package org.tweetflow.security;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tweetflow.config.TweetflowProperties;
import org.tweetflow.member.Member;
import org.tweetflow.member.Members;
import org.tweetflow.tokens.AccessTokens;
import org.tweetflow.tokens.MemberToken;
import org.tweetflow.tokens.Provider;
import org.tweetflow.tokens.ReconnectNeededException;
import org.tweetflow.tokens.TokenBusyException;
import org.tweetflow.tokens.TokenRefreshMeters;
import org.tweetflow.tokens.TokenRefreshMeters.Outcome;

/**
 * Access tokens for background work, through Spring Security's authorized-client manager: refreshed shortly before
 * they expire, or at once after the provider rejected one. Both providers rotate refresh tokens, so a refresh runs
 * under a row lock on the stored token: two replicas never spend the same refresh token, and the second one simply
 * reads the token the first one stored. The wait for the lock is bounded by twice what one refresh may take (the
 * HTTP connect and read timeouts), so a holder that is stuck costs a worker an outage, not the worker.
 */
@Component("memberTokens")
public class MemberTokens implements AccessTokens {

    /**
     * What the providers answer to a refresh token they no longer accept: X says invalid_request (400), Open Humans
     * invalid_grant (400, or 401 on the recorded server: TokenEndpointErrors reads both).
     */
    private static final Set<String> REFUSED = Set.of("invalid_grant", "invalid_request", "invalid_token",
            "unauthorized_client");

    private final Members members;
    private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;
    private final AuthorizedClientServiceOAuth2AuthorizedClientManager forcedRefresh;
    private final EncryptedAuthorizedClientService clients;
    private final JdbcTemplate locks;
    private final TransactionTemplate transaction;
    private final TokenRefreshMeters refreshes;

    public MemberTokens(Members members,
            @Qualifier("authorizedClientManager") AuthorizedClientServiceOAuth2AuthorizedClientManager manager,
            @Qualifier("forcedRefreshManager") AuthorizedClientServiceOAuth2AuthorizedClientManager forcedRefresh,
            EncryptedAuthorizedClientService clients, JdbcTemplate jdbc, TransactionTemplate transaction,
            TweetflowProperties properties, TokenRefreshMeters refreshes) {
        this.members = members;
        this.manager = manager;
        this.forcedRefresh = forcedRefresh;
        this.clients = clients;
        this.locks = new JdbcTemplate(jdbc.getDataSource());
        this.locks.setQueryTimeout(lockWaitSeconds(properties.http()));
        this.transaction = transaction;
        this.refreshes = refreshes;
    }

    /**
     * How long a refresh waits for another one of the same token: twice a refresh's longest, in the whole seconds a
     * JDBC query timeout takes, at least one (0 would be no timeout: waiting for ever).
     */
    static int lockWaitSeconds(TweetflowProperties.Http http) {
        Duration refresh = http.connectTimeout().plus(http.readTimeout());
        return (int) Math.max(1, refresh.multipliedBy(2).toSeconds());
    }

    @Override
    public String accessToken(long memberId, Provider provider) {
        return authorize(memberId, provider, manager, null);
    }

    @Override
    public String renewedAccessToken(long memberId, Provider provider, String rejected) {
        return authorize(memberId, provider, forcedRefresh, rejected);
    }

    @Override
    public Optional<MemberToken> tokenToRevoke(long memberId, Provider provider) {
        return members.find(memberId).map(member -> {
            OAuth2AuthorizedClient client = clients.loadAuthorizedClient(provider.registrationId(),
                    member.projectMemberId());
            if (client == null) {
                return null;
            }
            return new MemberToken(memberId, provider, client.getRefreshToken() != null
                    ? client.getRefreshToken().getTokenValue() : client.getAccessToken().getTokenValue());
        });
    }

    @Override
    public void forget(long memberId, Provider provider) {
        members.find(memberId).ifPresent(member -> clients.removeAuthorizedClient(provider.registrationId(),
                member.projectMemberId()));
    }

    private String authorize(long memberId, Provider provider,
            AuthorizedClientServiceOAuth2AuthorizedClientManager using, String rejected) {
        Member member = members.find(memberId).orElseThrow(() -> new IllegalStateException("no member " + memberId));
        return transaction.execute(status -> {
            lock(memberId, provider);
            OAuth2AuthorizedClient stored = clients.loadAuthorizedClient(provider.registrationId(),
                    member.projectMemberId());
            if (stored == null) {
                throw new ReconnectNeededException(provider, "member " + memberId + " has no " + provider + " token",
                        null);
            }
            if (rejected != null && !rejected.equals(stored.getAccessToken().getTokenValue())) {
                return stored.getAccessToken().getTokenValue();
            }
            try {
                OAuth2AuthorizedClient client = using.authorize(OAuth2AuthorizeRequest
                        .withClientRegistrationId(provider.registrationId()).principal(member.projectMemberId()).build());
                String token = client.getAccessToken().getTokenValue();
                // the manager hands the stored token back when it was still good: only a new one is a refresh
                if (!token.equals(stored.getAccessToken().getTokenValue())) {
                    refreshes.refreshed(provider, Outcome.RENEWED);
                }
                return token;
            } catch (ClientAuthorizationException refused) {
                if (REFUSED.contains(refused.getError().getErrorCode())) {
                    refreshes.refreshed(provider, Outcome.REFUSED);
                    throw new ReconnectNeededException(provider, provider + " refused the refresh token of member "
                            + memberId + " (" + refused.getError().getErrorCode() + ")", refused);
                }
                refreshes.refreshed(provider, Outcome.FAILED);
                throw refused;
            } catch (RuntimeException failed) {
                // the token endpoint did not answer (a timeout, a broken connection)
                refreshes.refreshed(provider, Outcome.FAILED);
                throw failed;
            }
        });
    }

    private void lock(long memberId, Provider provider) {
        try {
            locks.query("SELECT version FROM oauth_token WHERE member_id = ? AND provider = ? FOR UPDATE",
                    rs -> null, memberId, provider.registrationId());
        } catch (TransientDataAccessException held) {
            throw new TokenBusyException("the " + provider + " token of member " + memberId
                    + " stayed locked by another refresh", held);
        }
    }
}
