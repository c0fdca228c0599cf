package org.tweetflow.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.stereotype.Component;
import org.tweetflow.member.Members;

/**
 * Spring Security's authorized clients (both providers' tokens of a member) in the {@code oauth_token} table,
 * encrypted with AES-GCM: a copy of the database never gives away a token. The principal name is the member's
 * Open Humans project member id; the X client belongs to the same principal.
 */
@Component
public class EncryptedAuthorizedClientService implements OAuth2AuthorizedClientService {

    private static final String LOAD = """
            SELECT t.access_token, t.refresh_token, t.issued_at, t.expires_at, t.scopes FROM oauth_token t
            JOIN member m ON m.id = t.member_id WHERE m.project_member_id = ? AND t.provider = ?""";

    private final JdbcTemplate jdbc;
    private final TokenCipher cipher;
    private final ClientRegistrationRepository registrations;
    private final Members members;
    private final Clock clock;

    public EncryptedAuthorizedClientService(JdbcTemplate jdbc, TokenCipher cipher,
            ClientRegistrationRepository registrations, Members members, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.registrations = registrations;
        this.members = members;
        this.clock = clock;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId, String principalName) {
        ClientRegistration registration = registrations.findByRegistrationId(registrationId);
        List<OAuth2AuthorizedClient> found = jdbc.query(LOAD,
                (rs, row) -> new OAuth2AuthorizedClient(registration, principalName, accessToken(rs), refreshToken(rs)),
                principalName, registrationId);
        return found.isEmpty() ? null : (T) found.get(0);
    }

    @Override
    public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal) {
        long memberId = members.ensure(principal.getName()).id();
        String provider = client.getClientRegistration().getRegistrationId();
        OAuth2AccessToken access = client.getAccessToken();
        OAuth2RefreshToken refresh = client.getRefreshToken();
        Object[] values = {cipher.encrypt(access.getTokenValue()),
            refresh == null ? null : cipher.encrypt(refresh.getTokenValue()), timestamp(access.getIssuedAt()),
            timestamp(access.getExpiresAt()), String.join(" ", access.getScopes()),
            Timestamp.from(clock.instant()), memberId, provider};
        int updated = jdbc.update("""
                UPDATE oauth_token SET access_token = ?, refresh_token = ?, issued_at = ?, expires_at = ?, scopes = ?,
                updated_at = ?, version = version + 1 WHERE member_id = ? AND provider = ?""", values);
        if (updated == 0) {
            jdbc.update("""
                    INSERT INTO oauth_token (access_token, refresh_token, issued_at, expires_at, scopes, updated_at,
                    member_id, provider) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", values);
        }
    }

    @Override
    public void removeAuthorizedClient(String registrationId, String principalName) {
        jdbc.update("DELETE FROM oauth_token WHERE provider = ? AND member_id = "
                + "(SELECT id FROM member WHERE project_member_id = ?)", registrationId, principalName);
    }

    private OAuth2AccessToken accessToken(ResultSet rs) throws SQLException {
        String scopes = rs.getString("scopes");
        Set<String> scopeSet = scopes == null || scopes.isBlank() ? Set.of()
                : new HashSet<>(Arrays.asList(scopes.split(" ")));
        return new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, cipher.decrypt(rs.getString("access_token")),
                instant(rs.getTimestamp("issued_at")), instant(rs.getTimestamp("expires_at")), scopeSet);
    }

    private OAuth2RefreshToken refreshToken(ResultSet rs) throws SQLException {
        String stored = rs.getString("refresh_token");
        return stored == null ? null : new OAuth2RefreshToken(cipher.decrypt(stored), null);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
