package org.tweetflow.cluster;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.tweetflow.member.Member;
import org.tweetflow.member.Members;
import org.tweetflow.openhumans.ArchiveFile;
import org.tweetflow.sandbox.openhumans.OpenHumansSimulator;
import org.tweetflow.sandbox.openhumans.SimulatedFile;
import org.tweetflow.sandbox.x.XSimulator;
import org.tweetflow.security.EncryptedAuthorizedClientService;
import org.tweetflow.tokens.Provider;

/**
 * Members of a {@link Cluster} as the sign-in and connect pages leave them, without the browser: tokens issued by
 * the sandbox's providers, stored (encrypted) through a replica into the shared database; and what the sandbox's
 * Open Humans holds for them.
 */
public final class ClusterMembers {

    private final Cluster cluster;
    private final ObjectMapper json = new ObjectMapper();

    public ClusterMembers(Cluster cluster) {
        this.cluster = cluster;
    }

    /** Open Humans member {@code projectMemberId} (a demo member of the sandbox) with X account {@code xUserId}. */
    public Member connect(String projectMemberId, String xUserId) {
        Members members = cluster.bean(Members.class);
        XSimulator x = cluster.x();
        Member member = members.ensure(projectMemberId);
        OpenHumansSimulator.Tokens oh = cluster.openHumans().issueTokens(projectMemberId);
        store(Provider.OPEN_HUMANS, projectMemberId, oh.accessToken(), oh.refreshToken());
        XSimulator.Account account = x.demoAccounts().stream().filter(a -> a.id().equals(xUserId)).findFirst()
                .orElseThrow();
        members.connectTwitter(member.id(), xUserId, account.username(), account.name(), account.createdAt());
        XSimulator.Tokens tokens = x.issueTokens(xUserId, XSimulator.DEFAULT_SCOPE);
        store(Provider.X, projectMemberId, tokens.accessToken(), tokens.refreshToken());
        return members.find(member.id()).orElseThrow();
    }

    private void store(Provider provider, String projectMemberId, String accessToken, String refreshToken) {
        Instant now = Instant.now();
        ClientRegistrationRepository registrations = cluster.bean(ClientRegistrationRepository.class);
        cluster.bean(EncryptedAuthorizedClientService.class).saveAuthorizedClient(new OAuth2AuthorizedClient(
                registrations.findByRegistrationId(provider.registrationId()), projectMemberId,
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessToken, now, now.plusSeconds(7200)),
                new OAuth2RefreshToken(refreshToken, now)), new TestingAuthenticationToken(projectMemberId, null));
    }

    /** The ids of the posts in the member's one archive file at Open Humans. */
    public List<String> archivedPostIds(String projectMemberId) throws Exception {
        List<SimulatedFile> files = cluster.openHumans().files(projectMemberId).stream()
                .filter(file -> ArchiveFile.BASENAME.equals(file.basename())).toList();
        if (files.size() != 1) {
            throw new AssertionError("expected one archive file, found " + files);
        }
        try (InputStream in = cluster.openHumans().open(files.get(0).id())) {
            List<String> ids = new ArrayList<>();
            json.readTree(in).path("weeks").forEach(week -> week.path("tweets")
                    .forEach(tweet -> ids.add(tweet.path("id").asText())));
            return ids;
        }
    }

    public String state(long memberId) {
        List<String> states = cluster.bean(JdbcTemplate.class).queryForList(
                "SELECT state FROM archive_state WHERE member_id = ?", String.class, memberId);
        return states.isEmpty() ? null : states.get(0);
    }
}
